import "server-only";
import { db } from "@/lib/db/client";
import { readServerEnv } from "@/lib/env";
import { logger } from "@/lib/log";
import { forgetMemoryToken } from "./cached-token";
import { accessTokenCacheKey, getAccessToken } from "./get-access-token";

export interface SweepOptions {
  batchSize?: number;
  concurrency?: number;
  /** Only authorizations used within this window are kept warm (default 24 h). */
  usedWithinMs?: number;
}

export interface SweepResult {
  batches: number;
  examined: number;
  refreshed: number;
  failed: number;
}

/**
 * Refreshes, ahead of expiry, the tokens of recently used authorizations whose cached token is missing
 * or inside the refresh margin, so workers rarely wait on LWA. Walks the table in id order, one batch
 * query at a time, and refreshes each through the same single-flight path as requests (a lease per row).
 */
export async function sweepRefreshAhead(options: SweepOptions = {}): Promise<SweepResult> {
  const batchSize = options.batchSize ?? 500;
  const concurrency = options.concurrency ?? 8;
  const since = new Date(Date.now() - (options.usedWithinMs ?? 24 * 60 * 60 * 1000));
  const marginSeconds = readServerEnv().TOKEN_REFRESH_MARGIN_SECONDS + readServerEnv().TOKEN_CLOCK_SKEW_SECONDS;
  const result: SweepResult = { batches: 0, examined: 0, refreshed: 0, failed: 0 };
  let cursor = "";
  for (;;) {
    const batch = await db.$queryRaw<{ id: string }[]>`
      SELECT a."id" FROM "Authorization" a
      LEFT JOIN "AccessTokenCache" c ON c."cacheKey" = 'authorization:' || a."id"
      WHERE a."status" = 'ACTIVE' AND a."lastUsedAt" > ${since} AND a."id" > ${cursor}
        AND (a."refreshCooldownUntil" IS NULL OR a."refreshCooldownUntil" < now())
        AND (c."expiresAt" IS NULL OR c."expiresAt" < now() + make_interval(secs => ${marginSeconds}))
      ORDER BY a."id" LIMIT ${batchSize}`;
    if (batch.length === 0) break;
    result.batches += 1;
    result.examined += batch.length;
    cursor = batch[batch.length - 1]!.id;
    for (let i = 0; i < batch.length; i += concurrency) {
      const slice = batch.slice(i, i + concurrency);
      const settled = await Promise.allSettled(
        slice.map(({ id }) => {
          forgetMemoryToken(accessTokenCacheKey(id));
          return getAccessToken(id, { recordUse: false });
        }),
      );
      for (const outcome of settled) {
        if (outcome.status === "fulfilled") result.refreshed += 1;
        else {
          result.failed += 1;
          logger.warn({ err: outcome.reason }, "refresh-ahead failed for one authorization");
        }
      }
    }
    if (batch.length < batchSize) break;
  }
  return result;
}
