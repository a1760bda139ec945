import "server-only";
import { db } from "@/lib/db/client";
import { readServerEnv } from "@/lib/env";
import { refreshBatch, type BatchRow } from "./refresh-batch";

/** How often the liveness check runs (its cron in inngest/functions/refresh-tokens.ts): 144 runs a day. */
export const LIVENESS_INTERVAL_MINUTES = 10;
const RUNS_PER_DAY = (24 * 60) / LIVENESS_INTERVAL_MINUTES;

export interface LivenessResult {
  /** Live authorizations (ACTIVE, tenant not quarantined, with a refresh token). */
  live: number;
  /** Due: not refreshed within LIVENESS_CHECK_AFTER_HOURS. */
  due: number;
  /** This run's slice of them. */
  checked: number;
  refreshed: number;
  failed: number;
  revoked: number;
  skipped: number;
}

/**
 * One run of the daily liveness check: every live authorization not refreshed for a day gets one LWA refresh,
 * so a partner's revocation is found within a day (invalid_grant goes through the state machine: email,
 * alert, audit), not when a job next needs the token. Each run takes a slice of 1/144 of the live
 * authorizations (the longest unrefreshed first), capped at LIVENESS_CHECK_MAX_PER_RUN, so the calls are
 * spread over the day at a bounded rate. The new access tokens are stored in the shared cache as usual.
 */
export async function checkLiveness(options: { now?: Date; maxPerRun?: number; concurrency?: number } = {}): Promise<LivenessResult> {
  const env = readServerEnv();
  const now = options.now ?? new Date();
  const maxPerRun = options.maxPerRun ?? env.LIVENESS_CHECK_MAX_PER_RUN;
  const dueBefore = new Date(now.getTime() - env.LIVENESS_CHECK_AFTER_HOURS * 60 * 60 * 1000);
  const [counts] = await db.$queryRaw<{ live: number; due: number }[]>`
    SELECT count(*)::int AS "live",
           (count(*) FILTER (WHERE a."lastRefreshAt" IS NULL OR a."lastRefreshAt" < ${dueBefore}))::int AS "due"
    FROM "Authorization" a JOIN "Tenant" t ON t."id" = a."tenantId"
    WHERE a."status" = 'ACTIVE' AND t."quarantinedAt" IS NULL AND a."refreshTokenCiphertext" IS NOT NULL`;
  const live = counts?.live ?? 0;
  const due = counts?.due ?? 0;
  const slice = Math.min(maxPerRun, Math.ceil(live / RUNS_PER_DAY));
  const empty = { live, due, checked: 0, refreshed: 0, failed: 0, revoked: 0, skipped: 0 };
  if (slice === 0 || due === 0) return empty;
  const rows = await db.$queryRaw<BatchRow[]>`
    SELECT a."id", a."tenantId", a."refreshTokenCiphertext" FROM "Authorization" a
    JOIN "Tenant" t ON t."id" = a."tenantId"
    WHERE a."status" = 'ACTIVE' AND t."quarantinedAt" IS NULL AND a."refreshTokenCiphertext" IS NOT NULL
      AND (a."lastRefreshAt" IS NULL OR a."lastRefreshAt" < ${dueBefore})
      AND (a."refreshCooldownUntil" IS NULL OR a."refreshCooldownUntil" < now())
    ORDER BY a."lastRefreshAt" ASC NULLS FIRST, a."id" LIMIT ${slice}`;
  if (rows.length === 0) return empty;
  const outcome = await refreshBatch(rows, { concurrency: options.concurrency ?? env.REFRESH_SWEEP_CONCURRENCY });
  return { live, due, checked: rows.length, ...outcome };
}
