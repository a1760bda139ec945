// SP-API roles: Amazon's fixed vocabulary ("Role Mappings for SP-API Operations"), named exactly as Amazon
// names them, with what each lets the app see or do in a partner's words. They stay code, not data: an admin
// cannot invent a role (Amazon grants only these), the catalog's role mappings and the sandbox use the same
// names, and the partner-facing `grants` texts are translated by role name. What the app asks for, and why,
// is the roles ledger (lib/ledger/, in the database).

export type PartnerKind = "SELLER" | "VENDOR";

export interface RoleInfo {
  name: string;
  /** What the role lets the app see or do, in a partner's words. */
  grants: string;
  restricted: boolean;
  /** Amazon lets vendors hold it ("Vendors have access to the following roles"). */
  vendors: boolean;
}

export const ROLES = {
  "Account Information Service Provider": {
    name: "Account Information Service Provider",
    grants: "Read your account's payment and balance information, as a regulated account information service (Europe).",
    restricted: false,
    vendors: false,
  },
  "Amazon Fulfillment": {
    name: "Amazon Fulfillment",
    grants: "Read fulfillment data such as purchase orders and shipments handled through Amazon.",
    restricted: false,
    vendors: true,
  },
  "Amazon Warehousing and Distribution": {
    name: "Amazon Warehousing and Distribution",
    grants: "Read and manage your inventory stored in Amazon's warehousing and distribution network.",
    restricted: false,
    vendors: true,
  },
  "Brand Analytics": {
    name: "Brand Analytics",
    grants: "Read the brand analytics reports Amazon makes for your brands.",
    restricted: false,
    vendors: true,
  },
  "Buyer Communication": {
    name: "Buyer Communication",
    grants: "Send messages to buyers about their orders through Amazon's messaging service.",
    restricted: false,
    vendors: false,
  },
  "Buyer Solicitation": {
    name: "Buyer Solicitation",
    grants: "Ask buyers for product reviews and seller feedback through Amazon.",
    restricted: false,
    vendors: false,
  },
  "Direct to Consumer Shipping (Restricted)": {
    name: "Direct to Consumer Shipping (Restricted)",
    grants: "Read a buyer's shipping address for one order at a time, only when shipping it, through short-lived restricted tokens.",
    restricted: true,
    vendors: true,
  },
  "Finance and Accounting": {
    name: "Finance and Accounting",
    grants: "Read your financial events, settlements and fees.",
    restricted: false,
    vendors: false,
  },
  "Inventory and Order Tracking": {
    name: "Inventory and Order Tracking",
    grants: "Read your orders and purchase orders so they can be synced to our systems. No buyer contact details.",
    restricted: false,
    vendors: false,
  },
  Pricing: {
    name: "Pricing",
    grants: "Read and set the prices of your offers.",
    restricted: false,
    vendors: false,
  },
  "Product Listing": {
    name: "Product Listing",
    grants: "Read and manage your product listings and catalog data.",
    restricted: false,
    vendors: true,
  },
  "Professional Services (Restricted)": {
    name: "Professional Services (Restricted)",
    grants: "Read a buyer's contact details for one service order at a time, through short-lived restricted tokens.",
    restricted: true,
    vendors: false,
  },
  "Selling Partner Insights": {
    name: "Selling Partner Insights",
    grants: "Read your account's basic information: which marketplaces you sell in and your store name.",
    restricted: false,
    vendors: false,
  },
  "Tax Invoicing (Restricted)": {
    name: "Tax Invoicing (Restricted)",
    grants: "Read the buyer's tax details needed to issue tax invoices, through short-lived restricted tokens.",
    restricted: true,
    vendors: false,
  },
  "Tax Remittance (Restricted)": {
    name: "Tax Remittance (Restricted)",
    grants: "Read the tax details needed to remit taxes on your sales, through short-lived restricted tokens.",
    restricted: true,
    vendors: false,
  },
} as const satisfies Record<string, RoleInfo>;

export type RoleName = keyof typeof ROLES;

export const ROLE_NAMES = Object.keys(ROLES) as RoleName[];

export function isRoleName(value: string): value is RoleName {
  return Object.hasOwn(ROLES, value);
}
