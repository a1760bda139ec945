import type { CatalogOperation } from "@/lib/amazon/catalog";

/** One shared bucket: an authorization's share of one Amazon usage plan. */
export interface UsagePlanBucket {
  authorizationId: string;
  /** `{api}.{operationId}`: the plan Amazon meters the operation under. */
  usagePlan: string;
  /** Requests per second the bucket starts with (the catalog's default plan). */
  rate: number;
  /** Requests the bucket holds when full. */
  burst: number;
}

/**
 * The bucket an operation's calls for one authorization share, or null when Amazon publishes no usage
 * plan for it. One request of Amazon's burst is kept in reserve, so a request that reaches Amazon a
 * little later than its slot (network jitter) still finds a token there.
 */
export function usagePlanBucket(authorizationId: string, operation: CatalogOperation): UsagePlanBucket | null {
  if (!operation.usagePlan) return null;
  const { rate, burst } = operation.usagePlan;
  return { authorizationId, usagePlan: `${operation.api}.${operation.operationId}`, rate, burst: burst > 1 ? burst - 1 : burst };
}
