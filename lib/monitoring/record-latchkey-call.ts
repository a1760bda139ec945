import "server-only";
// Latchkey's own calls to Amazon (connectivity tests, RDT creation, grantless calls, LWA refreshes) land
// in the same per-minute buckets as the workers' reports. One function, called at each call site; it
// never throws into the caller: a monitoring write that fails is logged and forgotten.
import { LwaError } from "@/lib/amazon/lwa";
import { SpApiError } from "@/lib/amazon/spapi";
import { logger } from "@/lib/log";
import { recordOutcomes } from "./record-outcomes";

/** Operation names of Latchkey's own calls that are not SP-API operations of the roles ledger. */
export const LATCHKEY_OPERATIONS = {
  /** LWA refresh_token grant for one authorization (its failures are a chart of their own). */
  lwaRefresh: "lwa.refreshToken",
  /** Tokens API createRestrictedDataToken. */
  createRestrictedDataToken: "createRestrictedDataToken",
} as const;

/** Bucket subject of grantless calls (the app client's own, not any tenant's). */
export const APP_CLIENT_SUBJECT = "app-client";

/** Operations Latchkey itself calls that need no role of the ledger (never scope drift). */
export const INTERNAL_OPERATIONS: ReadonlySet<string> = new Set([
  LATCHKEY_OPERATIONS.lwaRefresh,
  LATCHKEY_OPERATIONS.createRestrictedDataToken,
  "rotateApplicationClientSecret",
  "getDestinations",
  "createDestination",
  "deleteDestination",
]);

export interface LatchkeyCall {
  /** The authorization, or APP_CLIENT_SUBJECT for grantless calls. */
  authorizationId: string;
  operation: string;
  /** HTTP status; 0 when Amazon did not answer. */
  status: number;
  /** Overrides the class derived from `status` (e.g. "refused": the gateway refused before calling Amazon). */
  statusClass?: string;
  startedAt: number;
}

export async function recordLatchkeyCall(call: LatchkeyCall): Promise<void> {
  try {
    const latencyMs = Math.max(0, Math.min(600_000, Math.round(Date.now() - call.startedAt)));
    await recordOutcomes(
      { outcomes: [{ authorizationId: call.authorizationId, operation: call.operation, status: Math.max(0, Math.min(599, call.status)), latencyMs, at: new Date(call.startedAt).toISOString(), ...(call.statusClass ? { statusClass: call.statusClass } : {}) }] },
      async () => true,
    );
  } catch (error) {
    logger.warn({ err: error, operation: call.operation }, "could not record an SP-API outcome");
  }
}

function statusOf(error: unknown): number {
  if (error instanceof SpApiError) return error.status ?? 0;
  if (error instanceof LwaError) return error.httpStatus ?? 0;
  return 0;
}

/**
 * Runs one of Latchkey's own calls to Amazon and records its outcome (200 on success, Amazon's status or
 * 0 on failure) in the monitoring buckets. The call's result or error passes through unchanged.
 */
export async function monitorCall<T>(authorizationId: string, operation: string, call: () => Promise<T>): Promise<T> {
  const startedAt = Date.now();
  try {
    const result = await call();
    await recordLatchkeyCall({ authorizationId, operation, status: 200, startedAt });
    return result;
  } catch (error) {
    if (error instanceof SpApiError || error instanceof LwaError) await recordLatchkeyCall({ authorizationId, operation, status: statusOf(error), startedAt });
    throw error;
  }
}
