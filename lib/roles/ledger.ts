// The roles ledger: every SP-API operation Latchkey (or its workers, through Latchkey) calls, and the
// role that justifies it. The consent page is generated from it, so a partner sees exactly what is asked
// and why. Role names follow Amazon's "Role Mappings for SP-API Operations" (any one listed role suffices).
import { findOperationById, type HttpMethod } from "@/lib/amazon/catalog";

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

/** One ledger line as written here: which catalog operation, which roles justify it, and why. */
interface LedgerLine {
  /** The model the operation is in (the catalog's `api`, e.g. `sellers`). */
  api: string;
  operation: string;
  /** Any one of these roles allows the call. */
  roles: readonly RoleName[];
  partnerKinds: readonly PartnerKind[];
  /** Why Latchkey (or a worker through it) calls this, in a partner's words. */
  purpose: string;
}

export interface LedgerEntry extends LedgerLine {
  method: HttpMethod;
  /** Path template as in Amazon's models, e.g. /orders/v0/orders/{orderId}. */
  path: string;
  /** Needs a Restricted Data Token. */
  restricted: boolean;
}

const LEDGER_LINES: readonly LedgerLine[] = [
  {
    api: "sellers",
    operation: "getMarketplaceParticipations",
    roles: ["Selling Partner Insights"],
    partnerKinds: ["SELLER"],
    purpose: "To check that the connection works and to record which marketplaces you sell in.",
  },
  {
    api: "sellers",
    operation: "getAccount",
    roles: ["Selling Partner Insights"],
    partnerKinds: ["SELLER"],
    purpose: "To show your business name on your connection page.",
  },
  {
    api: "ordersV0",
    operation: "getOrder",
    roles: ["Inventory and Order Tracking", "Direct-to-Consumer Shipping (Restricted)"],
    partnerKinds: ["SELLER"],
    purpose: "To sync your orders; a buyer's address is read only with a short-lived restricted token when an order is shipped.",
  },
  {
    api: "vendorOrders",
    operation: "getPurchaseOrders",
    roles: ["Inventory and Order Tracking", "Amazon Fulfillment"],
    partnerKinds: ["VENDOR"],
    purpose: "To check that the connection works and to sync Amazon's purchase orders to you.",
  },
];

/** Method, path and restriction come from the catalog, so a ledger line cannot name an operation Amazon does not have. */
function toEntry(line: LedgerLine): LedgerEntry {
  const op = findOperationById(line.api, line.operation);
  if (!op) throw new Error(`roles ledger: ${line.api}.${line.operation} is not in the SP-API catalog`);
  return { ...line, method: op.method, path: op.path, restricted: op.restricted };
}

export const LEDGER: readonly LedgerEntry[] = LEDGER_LINES.map(toEntry);

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
