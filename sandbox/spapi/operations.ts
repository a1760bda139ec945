import { matchPath } from "../http/route";
import { applicationOperations } from "./application";
import { destinationsOperations } from "./destinations";
import type { Operation } from "./operation";
import { ordersOperations } from "./orders";
import { tokensOperations } from "./restricted-data-token";
import { sellersOperations } from "./sellers";
import { vendorOrdersOperations } from "./vendor-orders";

/** Every SP-API operation the sandbox implements. */
export const OPERATIONS: readonly Operation[] = [
  ...sellersOperations,
  ...vendorOrdersOperations,
  ...tokensOperations,
  ...ordersOperations,
  ...applicationOperations,
  ...destinationsOperations,
];

export function findOperation(method: string, path: string): { operation: Operation; params: Record<string, string> } | undefined {
  for (const operation of OPERATIONS) {
    if (operation.method !== method) continue;
    const params = matchPath(operation.path, path);
    if (params) return { operation, params };
  }
  return undefined;
}
