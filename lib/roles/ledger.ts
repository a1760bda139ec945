// The roles ledger: every SP-API operation Latchkey (or its workers, through Latchkey) calls, and the
// role that justifies it. The consent page is generated from it, so a partner sees exactly what is asked
// and why. Role names follow Amazon's "Role Mappings for SP-API Operations" (any one listed role suffices).
export type PartnerKind = "SELLER" | "VENDOR";

export interface RoleInfo {
  name: string;
  /** What the role lets the app see or do, in a partner's words. */
  grants: string;
  restricted: boolean;
}

export const ROLES = {
  "Selling Partner Insights": {
    name: "Selling Partner Insights",
    grants: "Read your account's basic information: which marketplaces you sell in and your store name.",
    restricted: false,
  },
  "Inventory and Order Tracking": {
    name: "Inventory and Order Tracking",
    grants: "Read your orders and purchase orders so they can be synced to our systems. No buyer contact details.",
    restricted: false,
  },
  "Amazon Fulfillment": {
    name: "Amazon Fulfillment",
    grants: "Read fulfillment data such as purchase orders and shipments handled through Amazon.",
    restricted: false,
  },
  "Direct-to-Consumer Shipping (Restricted)": {
    name: "Direct-to-Consumer Shipping (Restricted)",
    grants: "Read a buyer's shipping address for one order at a time, only when shipping it, through short-lived restricted tokens.",
    restricted: true,
  },
} as const satisfies Record<string, RoleInfo>;

export type RoleName = keyof typeof ROLES;

export interface LedgerEntry {
  operation: string;
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Path template as in Amazon's models, e.g. /orders/v0/orders/{orderId}. */
  path: string;
  /** Any one of these roles allows the call. */
  roles: readonly RoleName[];
  partnerKinds: readonly PartnerKind[];
  /** Why Latchkey (or a worker through it) calls this, in a partner's words. */
  purpose: string;
}

export const LEDGER: readonly LedgerEntry[] = [
  {
    operation: "getMarketplaceParticipations",
    method: "GET",
    path: "/sellers/v1/marketplaceParticipations",
    roles: ["Selling Partner Insights"],
    partnerKinds: ["SELLER"],
    purpose: "To check that the connection works and to record which marketplaces you sell in.",
  },
  {
    operation: "getAccount",
    method: "GET",
    path: "/sellers/v1/account",
    roles: ["Selling Partner Insights"],
    partnerKinds: ["SELLER"],
    purpose: "To show your business name on your connection page.",
  },
  {
    operation: "getOrder",
    method: "GET",
    path: "/orders/v0/orders/{orderId}",
    roles: ["Inventory and Order Tracking", "Direct-to-Consumer Shipping (Restricted)"],
    partnerKinds: ["SELLER"],
    purpose: "To sync your orders; a buyer's address is read only with a short-lived restricted token when an order is shipped.",
  },
  {
    operation: "getPurchaseOrders",
    method: "GET",
    path: "/vendor/orders/v1/purchaseOrders",
    roles: ["Inventory and Order Tracking", "Amazon Fulfillment"],
    partnerKinds: ["VENDOR"],
    purpose: "To check that the connection works and to sync Amazon's purchase orders to you.",
  },
];

export function ledgerFor(kind: PartnerKind): LedgerEntry[] {
  return LEDGER.filter((entry) => entry.partnerKinds.includes(kind));
}

/** The roles the app asks a partner of this kind for: the first listed role of each ledger entry. */
export function requestedRoles(kind: PartnerKind): RoleName[] {
  return [...new Set(ledgerFor(kind).flatMap((entry) => entry.roles))];
}

/** Ledger entries whose roles the given granted roles do not cover (scope drift / missing consent). */
export function uncoveredOperations(kind: PartnerKind, grantedRoles: readonly string[]): LedgerEntry[] {
  return ledgerFor(kind).filter((entry) => !entry.roles.some((role) => grantedRoles.includes(role)));
}
