import "server-only";
// Deny by default (issue 14 §2): before anything reaches Amazon, the request must name an operation of
// the catalog, that operation must be in the roles ledger for the partner's kind, and no role Amazon is
// KNOWN to require may be missing from the roles the partner granted. Unknown role mappings (null, cut
// off, or none for this region) are not a reason to refuse: Amazon then decides.
import { findOperation, type CatalogOperation } from "@/lib/amazon/catalog";
import type { Region } from "@/lib/amazon/regions";
import { AppError } from "@/lib/errors";
import { recordLatchkeyCall } from "@/lib/monitoring/record-latchkey-call";
import { readLedger } from "@/lib/ledger/read-ledger";
import type { PartnerKind } from "@/lib/roles/roles";

/** Monitoring status class of requests the gateway refused before calling Amazon. */
export const REFUSED_STATUS_CLASS = "refused";

export interface GatewayPartner {
  authorizationId: string;
  kind: PartnerKind;
  region: Region;
  /** The roles the partner granted (as the token service's cached authorization holds them). */
  roles: readonly string[];
}

/** The roles that grant the operation in this region, when Amazon's complete list is known; else null. */
function knownGrantingRoles(operation: CatalogOperation, region: Region): string[] | null {
  if (!operation.roles || !operation.rolesComplete) return null;
  const roles = operation.roles.filter((grant) => !grant.regions || grant.regions.includes(region)).map((grant) => grant.name);
  return roles.length > 0 ? roles : null;
}

async function refuse(partner: GatewayPartner, operation: CatalogOperation, error: AppError): Promise<never> {
  await recordLatchkeyCall({ authorizationId: partner.authorizationId, operation: operation.operationId, status: error.status, statusClass: REFUSED_STATUS_CLASS, startedAt: Date.now() });
  throw error;
}

/** The catalog operation the request names, if the gateway may call it for this partner; else a refusal (recorded). */
export async function resolveGatewayOperation(partner: GatewayPartner, method: string, path: string): Promise<CatalogOperation> {
  const operation = findOperation(method, path);
  if (!operation) throw new AppError("unknown_operation", `No SP-API operation is ${method} ${path.split("?", 1)[0]}.`);
  if (!(await readLedger()).includes(partner.kind, operation.api, operation.operationId)) {
    return refuse(partner, operation, new AppError("operation_not_in_ledger", `${operation.operationId} (${operation.api}) is not in the roles ledger; add it there before calling it.`, { details: { operation: operation.operationId, api: operation.api } }));
  }
  const required = knownGrantingRoles(operation, partner.region);
  if (required && !partner.roles.some((role) => required.includes(role))) {
    return refuse(partner, operation, new AppError("role_not_granted", `${operation.operationId} needs one of these roles, which the selling partner did not grant: ${required.join(", ")}.`, { details: { operation: operation.operationId, roles: required } }));
  }
  return operation;
}
