import "server-only";
// The shared token bucket (issue 14 §3): one row per (authorization, usage plan) in PostgreSQL/PGlite,
// refilled from the database clock, so every worker and every Latchkey instance draws from the same
// bucket. Taking a slot is one atomic statement; a slot may lie in the future (the bucket's `tokens`
// go negative), and the request then sleeps until its turn instead of polling.
import { db } from "@/lib/db/client";
import { isBucket, REFILLED_TOKENS } from "./bucket-sql";
import type { UsagePlanBucket } from "./usage-plan-bucket";

export type SlotGrant = { granted: true; waitMs: number; rate: number } | { granted: false; retryAfterMs: number };

/**
 * Takes the next slot of the bucket if it comes within `maxWaitMs`; otherwise takes nothing and says
 * when a request could go at once. A new bucket starts full with the catalog's plan.
 */
export async function acquireSlot(bucket: UsagePlanBucket, maxWaitMs: number): Promise<SlotGrant> {
  const maxWaitSeconds = Math.max(0, maxWaitMs) / 1000;
  const rows = await db.$queryRaw<{ tokens: number; rate: number }[]>`
    INSERT INTO "GatewayRateBucket" AS b ("authorizationId", "usagePlan", "rate", "burst", "tokens", "updatedAt")
    VALUES (${bucket.authorizationId}, ${bucket.usagePlan}, ${bucket.rate}, ${bucket.burst}, ${bucket.burst - 1}, now())
    ON CONFLICT ("authorizationId", "usagePlan") DO UPDATE SET
      "tokens" = ${REFILLED_TOKENS} - 1,
      "updatedAt" = now()
    WHERE ${REFILLED_TOKENS} - 1 >= -(${maxWaitSeconds}::float8 * b."rate")
    RETURNING b."tokens", b."rate"`;
  const row = rows[0];
  if (row) return { granted: true, waitMs: row.tokens >= 0 ? 0 : Math.ceil((-row.tokens / row.rate) * 1000), rate: row.rate };
  const [state] = await db.$queryRaw<{ tokens: number; rate: number }[]>`
    SELECT ${REFILLED_TOKENS} AS "tokens", b."rate" FROM "GatewayRateBucket" b WHERE ${isBucket(bucket)}`;
  const retryAfterMs = state ? Math.ceil(((1 - state.tokens) / state.rate) * 1000) : 1000;
  return { granted: false, retryAfterMs: Math.max(1000, retryAfterMs) };
}
