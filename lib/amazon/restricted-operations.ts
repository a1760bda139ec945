import "server-only";
import { CATALOG_OPERATIONS, findOperation, type CatalogOperation, type HttpMethod } from "./catalog";

// Operations that need a Restricted Data Token: the catalog's (Amazon's Tokens API list, checked
// against the models). Paths may be given with concrete ids (/orders/v0/orders/123-4567890-1234567)
// or with placeholders ({orderId}).
export interface RestrictedOperation {
  operation: string;
  api: string;
  method: HttpMethod;
  path: string;
  /** Only these operations accept `dataElements`. */
  dataElements?: readonly string[];
  /** An RDT for it must name a concrete path, not a template (getReportDocument). */
  specificPathOnly: boolean;
}

function toRestricted(op: CatalogOperation): RestrictedOperation {
  return {
    operation: op.operationId,
    api: op.api,
    method: op.method,
    path: op.path,
    ...(op.dataElements.length > 0 ? { dataElements: op.dataElements } : {}),
    specificPathOnly: op.specificPathOnly,
  };
}

export const RESTRICTED_OPERATIONS: readonly RestrictedOperation[] = CATALOG_OPERATIONS.filter((op) => op.restricted).map(toRestricted);

/** The restricted operation a method + path names, or undefined when it needs no RDT. */
export function findRestrictedOperation(method: string, path: string): RestrictedOperation | undefined {
  const op = findOperation(method, path);
  return op?.restricted ? toRestricted(op) : undefined;
}
