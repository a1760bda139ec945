import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { AppError } from "@/lib/errors";
import { acquireSlot } from "./acquire-slot";
import type { UsagePlanBucket } from "./usage-plan-bucket";

/**
 * Waits for this request's slot of the shared bucket, at most `maxWaitMs`; without a slot in that time
 * the request is refused `429 rate_limited` with Retry-After (nothing reached Amazon). Resolves with the
 * bucket's current rate.
 */
export async function waitForSlot(bucket: UsagePlanBucket, maxWaitMs: number, signal?: AbortSignal): Promise<number> {
  const grant = await acquireSlot(bucket, maxWaitMs);
  if (!grant.granted) {
    const retryAfterSeconds = Math.ceil(grant.retryAfterMs / 1000);
    throw new AppError("rate_limited", `Amazon's usage plan for this operation has no free slot within the wait you allowed; retry in ${retryAfterSeconds} s.`, {
      details: { retryAfterSeconds },
    });
  }
  if (grant.waitMs > 0) await sleep(grant.waitMs, undefined, { signal });
  return grant.rate;
}
