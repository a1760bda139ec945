// The roles ledger's plain-words texts (lib/roles/ledger.ts) are written in English; their translations are
// in the catalogs under `roles.<key>` (by Amazon's role name) and `purposes.<operation>`. A role or operation
// without a translation shows the ledger's English text.
const ROLE_KEYS = {
  "Selling Partner Insights": "sellingPartnerInsights",
  "Inventory and Order Tracking": "inventoryAndOrderTracking",
  "Amazon Fulfillment": "amazonFulfillment",
  "Direct-to-Consumer Shipping (Restricted)": "directToConsumerShipping",
} as const;

const PURPOSE_KEYS = ["getMarketplaceParticipations", "getAccount", "getOrder", "getPurchaseOrders"] as const;

export type RoleKey = (typeof ROLE_KEYS)[keyof typeof ROLE_KEYS];
export type PurposeKey = (typeof PURPOSE_KEYS)[number];

export function roleKey(roleName: string): RoleKey | undefined {
  return Object.hasOwn(ROLE_KEYS, roleName) ? ROLE_KEYS[roleName as keyof typeof ROLE_KEYS] : undefined;
}

export function purposeKey(operation: string): PurposeKey | undefined {
  return (PURPOSE_KEYS as readonly string[]).includes(operation) ? (operation as PurposeKey) : undefined;
}
