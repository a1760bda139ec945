import "server-only";
// The roles ledger as one immutable snapshot: every SP-API operation Latchkey (or its workers, through the
// gateway) may call, the roles of which any one justifies it, the partner kinds it is asked of, and why.
// Method, path and restriction come from the operation catalog, so an entry cannot name an operation Amazon
// does not have. The snapshot is read from the database by `readLedger()`; everything here is pure.
import { findOperationById, type HttpMethod } from "@/lib/amazon/catalog";
import { logger } from "@/lib/log/logger";
import { isRoleName, type PartnerKind, type RoleName } from "@/lib/roles/roles";

/** One ledger row as stored. */
export interface LedgerRow {
  id: string;
  api: string;
  operationId: string;
  roles: readonly string[];
  partnerKinds: readonly PartnerKind[];
  reason: string;
}

export interface LedgerEntry {
  id: string;
  /** The model the operation is in (the catalog's `api`, e.g. `sellers`). */
  api: string;
  /** The catalog's operationId. */
  operation: string;
  /** Any one of these roles allows the call. */
  roles: readonly RoleName[];
  partnerKinds: readonly PartnerKind[];
  /** Why Latchkey (or a worker through it) calls this, in a partner's words (the consent page shows it). */
  reason: string;
  method: HttpMethod;
  /** Path template as in Amazon's models, e.g. /orders/v0/orders/{orderId}. */
  path: string;
  /** Needs a Restricted Data Token. */
  restricted: boolean;
}

export interface Ledger {
  readonly entries: readonly LedgerEntry[];
  /** The entries asked of this kind of partner. */
  forKind(kind: PartnerKind): LedgerEntry[];
  /** Whether the ledger lists this catalog operation for this kind of partner. */
  includes(kind: PartnerKind, api: string, operationId: string): boolean;
  /** The roles the app asks a partner of this kind for: every role of its entries, in ledger order. */
  requestedRoles(kind: PartnerKind): RoleName[];
  /** Entries whose roles the given granted roles do not cover (scope drift / missing consent). */
  uncoveredOperations(kind: PartnerKind, grantedRoles: readonly string[]): LedgerEntry[];
}

function toEntry(row: LedgerRow): LedgerEntry | null {
  const op = findOperationById(row.api, row.operationId);
  if (!op) {
    logger.warn({ api: row.api, operation: row.operationId }, "a roles ledger entry names an operation the SP-API catalog does not have: it is ignored");
    return null;
  }
  const roles = row.roles.filter(isRoleName);
  if (roles.length !== row.roles.length) logger.warn({ api: row.api, operation: row.operationId, roles: row.roles }, "a roles ledger entry names a role Amazon does not have: the role is ignored");
  if (roles.length === 0) return null;
  return { id: row.id, api: row.api, operation: row.operationId, roles, partnerKinds: [...row.partnerKinds], reason: row.reason, method: op.method, path: op.path, restricted: op.restricted };
}

/** The snapshot of these rows (in their order); rows naming no catalog operation or no known role are left out. */
export function buildLedger(rows: readonly LedgerRow[]): Ledger {
  const entries = rows.map(toEntry).filter((entry): entry is LedgerEntry => entry !== null);
  const forKind = (kind: PartnerKind) => entries.filter((entry) => entry.partnerKinds.includes(kind));
  return {
    entries,
    forKind,
    includes: (kind, api, operationId) => forKind(kind).some((entry) => entry.api === api && entry.operation === operationId),
    requestedRoles: (kind) => [...new Set(forKind(kind).flatMap((entry) => entry.roles))],
    uncoveredOperations: (kind, grantedRoles) => forKind(kind).filter((entry) => !entry.roles.some((role) => grantedRoles.includes(role))),
  };
}
