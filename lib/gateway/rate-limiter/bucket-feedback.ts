import "server-only";
// What Amazon's answers teach the shared bucket: the plan's real rate (`x-amzn-RateLimit-Limit`, which
// Amazon raises or lowers per selling partner), and that a 429 means the bucket was fuller here than
// at Amazon (another app, a worker calling Amazon directly): drain it and back off with jitter.
import { db } from "@/lib/db/client";
import { forgetReserve } from "./acquire-slot";
import { isBucket, REFILLED_TOKENS } from "./bucket-sql";
import type { UsagePlanBucket } from "./usage-plan-bucket";

/** Amazon's rate for this plan differs from the bucket's: refill at Amazon's rate from now on. */
export async function adjustBucketRate(bucket: UsagePlanBucket, rate: number): Promise<void> {
  await db.$executeRaw`
    UPDATE "GatewayRateBucket" AS b SET "tokens" = ${REFILLED_TOKENS}, "rate" = ${rate}, "updatedAt" = now() WHERE ${isBucket(bucket)}`;
}

/**
 * Amazon answered 429: empty the bucket and push the next slot back by up to `2^(attempt-1)` refill
 * intervals (full jitter), so the waiting requests of every instance spread out instead of retrying at once.
 */
export async function drainBucket(bucket: UsagePlanBucket, attempt: number, random: () => number = Math.random): Promise<void> {
  const penaltyTokens = random() * 2 ** Math.max(0, attempt - 1);
  forgetReserve(bucket);
  await db.$executeRaw`
    UPDATE "GatewayRateBucket" AS b SET "tokens" = LEAST(0, ${REFILLED_TOKENS}) - ${penaltyTokens}::float8, "updatedAt" = now() WHERE ${isBucket(bucket)}`;
}
