import "server-only";
import { recordAuthorizationUse } from "@/lib/authorizations/token-bookkeeping";
import { logger } from "@/lib/log";
import { processLocal } from "@/lib/runtime/process-local";

/**
 * Last-used times without a database write per token request: ids are collected in memory and written
 * in one statement every few seconds (and clear any inactivity mark, since the authorization is in use).
 */
const FLUSH_INTERVAL_MS = 5000;

const usage = processLocal("tokenUsage", (): { pending: Set<string>; timer?: NodeJS.Timeout } => ({ pending: new Set<string>() }));

export function touchAuthorization(authorizationId: string): void {
  usage.pending.add(authorizationId);
  if (!usage.timer) {
    usage.timer = setInterval(() => {
      flushUsage().catch((error: unknown) => logger.warn({ err: error }, "could not record token usage"));
    }, FLUSH_INTERVAL_MS);
    usage.timer.unref();
  }
}

/** Writes pending last-used times now; returns how many authorizations were updated. */
export async function flushUsage(): Promise<number> {
  if (usage.pending.size === 0) return 0;
  const ids = [...usage.pending];
  usage.pending.clear();
  return recordAuthorizationUse(ids);
}
