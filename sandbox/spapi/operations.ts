import { matchPath } from "../http/route";
import { applicationOperations } from "./application";
import { destinationsOperations } from "./destinations";
import { findMostSpecific } from "./generic/find-generic-operation";
import { genericOperations } from "./generic/generic-operations";
import type { Operation } from "./operation";
import { ordersOperations } from "./orders";
import { tokensOperations } from "./restricted-data-token";
import { sellersOperations } from "./sellers";
import { vendorOrdersOperations } from "./vendor-orders";

/** The SP-API operations the sandbox implements by hand (they win over the generic dispatcher). */
export const OPERATIONS: readonly Operation[] = [
  ...sellersOperations,
  ...vendorOrdersOperations,
  ...tokensOperations,
  ...ordersOperations,
  ...applicationOperations,
  ...destinationsOperations,
];

/**
 * The operation serving a request: a hand-written one if any matches, else the generic dispatcher's
 * operation from Amazon's models (the most specific template wins).
 */
export function findOperation(method: string, path: string): { operation: Operation; params: Record<string, string> } | undefined {
  for (const operation of OPERATIONS) {
    if (operation.method !== method) continue;
    const params = matchPath(operation.path, path);
    if (params) return { operation, params };
  }
  return findMostSpecific(genericOperations(), method, path);
}
