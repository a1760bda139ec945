import "server-only";
import { db } from "@/lib/db/client";
import { readServerEnv } from "@/lib/env";
import { refreshBatch, type BatchRow } from "./refresh-batch";

/** How often the sweep runs (its cron in inngest/functions/refresh-tokens.ts). */
export const REFRESH_SWEEP_INTERVAL_MINUTES = 5;

export interface SweepOptions {
  batchSize?: number;
  /** LWA calls at a time (default REFRESH_SWEEP_CONCURRENCY). */
  concurrency?: number;
  /** Only authorizations used within this window are kept warm (default REFRESH_SWEEP_USED_WITHIN_HOURS). */
  usedWithinMs?: number;
}

export interface SweepResult {
  batches: number;
  examined: number;
  refreshed: number;
  failed: number;
  revoked: number;
  skipped: number;
}

/**
 * Refreshes, ahead of expiry, the tokens of recently used authorizations whose cached token is missing
 * or inside the refresh margin, so workers rarely wait on LWA. Walks the table in id order, one batch
 * query at a time; each batch is refreshed under the same leases as requests (refresh-batch.ts), with a
 * constant number of statements per batch. Runs every few minutes (inngest/functions/refresh-tokens.ts).
 */
export async function sweepRefreshAhead(options: SweepOptions = {}): Promise<SweepResult> {
  const env = readServerEnv();
  const batchSize = options.batchSize ?? 500;
  const concurrency = options.concurrency ?? env.REFRESH_SWEEP_CONCURRENCY;
  const since = new Date(Date.now() - (options.usedWithinMs ?? env.REFRESH_SWEEP_USED_WITHIN_HOURS * 60 * 60 * 1000));
  // A token that would enter the refresh margin before the next run is refreshed now.
  const marginSeconds = env.TOKEN_REFRESH_MARGIN_SECONDS + env.TOKEN_CLOCK_SKEW_SECONDS + REFRESH_SWEEP_INTERVAL_MINUTES * 60;
  const result: SweepResult = { batches: 0, examined: 0, refreshed: 0, failed: 0, revoked: 0, skipped: 0 };
  let cursor = "";
  for (;;) {
    const batch = await db.$queryRaw<BatchRow[]>`
      SELECT a."id", a."tenantId", a."refreshTokenCiphertext" FROM "Authorization" a
      JOIN "Tenant" t ON t."id" = a."tenantId"
      LEFT JOIN "AccessTokenCache" c ON c."cacheKey" = 'authorization:' || a."id"
      WHERE a."status" = 'ACTIVE' AND a."lastUsedAt" > ${since} AND a."id" > ${cursor}
        AND t."quarantinedAt" IS NULL AND a."refreshTokenCiphertext" IS NOT NULL
        AND (a."refreshCooldownUntil" IS NULL OR a."refreshCooldownUntil" < now())
        AND (c."expiresAt" IS NULL OR c."expiresAt" < now() + make_interval(secs => ${marginSeconds}))
        AND (c."leaseExpiresAt" IS NULL OR c."leaseExpiresAt" < now())
      ORDER BY a."id" LIMIT ${batchSize}`;
    if (batch.length === 0) break;
    result.batches += 1;
    result.examined += batch.length;
    cursor = batch[batch.length - 1]!.id;
    const outcome = await refreshBatch(batch, { concurrency });
    result.refreshed += outcome.refreshed;
    result.failed += outcome.failed;
    result.revoked += outcome.revoked;
    result.skipped += outcome.skipped;
    if (batch.length < batchSize) break;
  }
  return result;
}
