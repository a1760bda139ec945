import "server-only";
// What /admin/ledger shows: the active entries with who approved them and when, the changes waiting for a
// second admin, the last decisions, and the catalog operations an admin can pick from.
import { CATALOG_OPERATIONS, findOperationById } from "@/lib/amazon/catalog";
import { db } from "@/lib/db/client";

export const RECENT_DECISIONS = 20;

export interface CatalogChoice {
  api: string;
  apiTitle: string;
  operationId: string;
  method: string;
  path: string;
  restricted: boolean;
  grantless: boolean;
  deprecated: boolean;
  /** The roles Amazon's role mapping names for it (any region), or empty when unknown. */
  amazonRoles: string[];
  inLedger: boolean;
}

function describeOperation(api: string, operationId: string) {
  const op = findOperationById(api, operationId);
  return op ? { method: op.method, path: op.path, restricted: op.restricted, inCatalog: true } : { method: null, path: null, restricted: false, inCatalog: false };
}

export async function getLedgerPage() {
  const [entries, pending, decided] = await Promise.all([
    db.ledgerEntry.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    db.ledgerProposal.findMany({ where: { status: "PENDING" }, orderBy: { proposedAt: "asc" } }),
    db.ledgerProposal.findMany({ where: { status: { not: "PENDING" } }, orderBy: { decidedAt: "desc" }, take: RECENT_DECISIONS }),
  ]);
  const byOperation = new Map(entries.map((entry) => [`${entry.api}.${entry.operationId}`, entry]));
  const catalog: CatalogChoice[] = CATALOG_OPERATIONS.filter((op) => !op.sandboxOnly).map((op) => ({
    api: op.api,
    apiTitle: op.apiTitle,
    operationId: op.operationId,
    method: op.method,
    path: op.path,
    restricted: op.restricted,
    grantless: op.grantlessScope !== null,
    deprecated: op.deprecated,
    amazonRoles: [...new Set((op.roles ?? []).map((grant) => grant.name))],
    inLedger: byOperation.has(`${op.api}.${op.operationId}`),
  }));
  return {
    entries: entries.map((entry) => ({ ...entry, ...describeOperation(entry.api, entry.operationId) })),
    pending: pending.map((proposal) => {
      const current = byOperation.get(`${proposal.api}.${proposal.operationId}`);
      return { ...proposal, ...describeOperation(proposal.api, proposal.operationId), current: current ? { roles: current.roles, partnerKinds: current.partnerKinds, reason: current.reason } : null };
    }),
    decided,
    catalog,
  };
}

export type LedgerPage = Awaited<ReturnType<typeof getLedgerPage>>;
