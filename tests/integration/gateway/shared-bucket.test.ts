import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { acquireSlot } from "@/lib/gateway/rate-limiter/acquire-slot";
import { drainBucket } from "@/lib/gateway/rate-limiter/bucket-feedback";
import type { UsagePlanBucket } from "@/lib/gateway/rate-limiter/usage-plan-bucket";
import { setupTestDatabase, teardownTestDatabase } from "../../support/database";

let bucket: UsagePlanBucket;
let n = 0;

/** A bucket row as a test wants it: `tokens` now, refilled at `rate` per second. */
async function seedBucket(rate: number, burst: number, tokens: number): Promise<void> {
  await db.gatewayRateBucket.create({ data: { authorizationId: bucket.authorizationId, usagePlan: bucket.usagePlan, rate, burst, tokens, updatedAt: new Date() } });
}

const storedTokens = async () => (await db.gatewayRateBucket.findFirstOrThrow({ where: { authorizationId: bucket.authorizationId } })).tokens;

describe("shared rate-limit bucket", () => {
  beforeAll(setupTestDatabase);
  afterAll(teardownTestDatabase);
  beforeEach(() => {
    bucket = { authorizationId: `auth-${++n}`, usagePlan: "sellers.getMarketplaceParticipations", rate: 0.016, burst: 14 };
  });

  it("gives concurrent requests one slot each, in turn: the first at once, each next one a refill later", async () => {
    // Empty, refilling 2 per second: 5 requests at once get slots half a second apart, whether or not they share a statement.
    await seedBucket(2, 5, 0);
    const slots = await Promise.all(
      Array.from({ length: 5 }, async () => {
        const grant = await acquireSlot(bucket, 10_000);
        return grant.granted ? { waitMs: grant.waitMs, at: Date.now() + grant.waitMs } : null;
      }),
    );
    expect(slots.every((slot) => slot !== null)).toBe(true);
    expect(Math.min(...slots.map((slot) => slot!.waitMs))).toBeLessThanOrEqual(500);
    const times = slots.map((slot) => slot!.at).sort((a, b) => a - b);
    for (let i = 1; i < times.length; i++) expect(Math.abs(times[i]! - times[i - 1]! - 500)).toBeLessThan(40);
    // Five taken from an empty bucket: the row owes nearly five.
    expect(await storedTokens()).toBeLessThan(-4.5);
  });

  it("grants exactly what the bucket and each request's wait allow, and refuses the rest with a Retry-After", async () => {
    await seedBucket(0.5, 30, 8);
    const grants = await Promise.all(Array.from({ length: 30 }, (_, i) => acquireSlot(bucket, i % 2 === 0 ? 0 : 4_000)));
    const granted = grants.filter((grant) => grant.granted);
    // 8 at once, then 2 more within 4 s at 0.5 per second for those willing to wait.
    expect(granted).toHaveLength(10);
    expect(granted.filter((grant) => grant.waitMs > 0).length).toBeLessThanOrEqual(2);
    for (const grant of grants) if (!grant.granted) expect(grant.retryAfterMs).toBeGreaterThanOrEqual(1000);
    expect(await storedTokens()).toBeGreaterThanOrEqual(-2.01);
  });

  it("starts a new bucket full with the catalog's plan", async () => {
    const grants = await Promise.all(Array.from({ length: 20 }, () => acquireSlot(bucket, 0)));
    expect(grants.filter((grant) => grant.granted)).toHaveLength(14);
    expect(await storedTokens()).toBeLessThan(0.01);
  });

  it("lends a fast plan's tokens ahead, never more than the row gave, and forgets them when Amazon throttles", async () => {
    // 16 a second, burst 400: the process may take up to 16 ahead.
    await seedBucket(16, 400, 400);
    const started = Date.now();
    for (let i = 0; i < 50; i++) expect(await acquireSlot(bucket, 0)).toEqual({ granted: true, waitMs: 0, rate: 16 });
    const taken = 400 + (16 * (Date.now() - started)) / 1000 - (await storedTokens());
    expect(taken).toBeGreaterThanOrEqual(50);
    expect(taken).toBeLessThanOrEqual(50 + 16 + 1);
    // Amazon answered 429: the bucket is empty, and no token taken ahead is handed out.
    await drainBucket(bucket, 1, () => 0);
    expect(await acquireSlot(bucket, 0)).toMatchObject({ granted: false });
  });
});
