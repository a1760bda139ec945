import "server-only";
// The shared token bucket (issue 14 §3): one row per (authorization, usage plan) in PostgreSQL/PGlite,
// refilled from the database clock, so every worker and every Latchkey instance draws from the same
// bucket. Taking a slot is one atomic statement; a slot may lie in the future (the bucket's `tokens`
// go negative), and the request then sleeps until its turn instead of polling.
//
// Within one process, requests for the same bucket that arrive while its statement runs wait for it and
// then take their slots together, in one statement (they would otherwise queue on the row's lock one by
// one). A batch is all or nothing; one that does not fit falls back to a statement per request.
//
// A fast plan (a refill of a token a second or more) whose bucket was last seen well filled also lends
// the process a few tokens ahead: taken for real from the shared row, handed out here without a statement
// for up to a second, and forgotten when unused (at most a second's refill is lost; never one too many
// reaches Amazon, since every token was taken from the row first).
import { LRUCache } from "lru-cache";
import { Prisma } from "@/lib/generated/prisma/client";
import { db, rawQuery } from "@/lib/db/client";
import { processLocal } from "@/lib/runtime/process-local";
import { isBucket, REFILLED_TOKENS } from "./bucket-sql";
import type { UsagePlanBucket } from "./usage-plan-bucket";

export type SlotGrant = { granted: true; waitMs: number; rate: number } | { granted: false; retryAfterMs: number };

interface Waiter {
  maxWaitMs: number;
  resolve: (grant: SlotGrant) => void;
  reject: (error: unknown) => void;
}

/** Requests waiting for a bucket whose statement is running; no entry: the bucket is idle here. */
const lanes = processLocal("gatewayBucketLanes", () => new Map<string, Waiter[]>());
const MAX_BATCH = 100;

interface Reserve {
  /** Tokens taken from the row ahead and not handed out yet. */
  tokens: number;
  rate: number;
  expiresAt: number;
  /** What the row held after this process's last statement on it. */
  lastSeenTokens: number;
}

const reserves = processLocal("gatewayBucketReserves", () => new LRUCache<string, Reserve>({ max: 10_000 }));
const RESERVE_MS = 1000;
const MAX_RESERVE = 16;

const keyOf = (bucket: UsagePlanBucket) => `${bucket.authorizationId}\u0000${bucket.usagePlan}`;

/** Tokens a process may take ahead for this plan: none for slow plans, at most a second's refill and an eighth of the burst. */
function reserveSize(bucket: UsagePlanBucket, rate: number): number {
  return Math.max(0, Math.min(MAX_RESERVE, Math.floor(bucket.burst / 8), Math.floor(rate)));
}

/** Amazon throttled this bucket: tokens taken ahead must not be spent. */
export function forgetReserve(bucket: UsagePlanBucket): void {
  reserves.delete(keyOf(bucket));
}

/**
 * Takes the next slot of the bucket if it comes within `maxWaitMs`; otherwise takes nothing and says
 * when a request could go at once. A new bucket starts full with the catalog's plan.
 */
export function acquireSlot(bucket: UsagePlanBucket, maxWaitMs: number): Promise<SlotGrant> {
  const key = keyOf(bucket);
  const reserve = reserves.get(key);
  if (reserve && reserve.tokens >= 1 && Date.now() < reserve.expiresAt) {
    reserve.tokens -= 1;
    return Promise.resolve({ granted: true, waitMs: 0, rate: reserve.rate });
  }
  return new Promise((resolve, reject) => {
    const waiting = lanes.get(key);
    if (waiting) return void waiting.push({ maxWaitMs, resolve, reject });
    lanes.set(key, []);
    void drain(key, bucket, [{ maxWaitMs, resolve, reject }]);
  });
}

/** Grants `first`, then whoever queued meanwhile, batch by batch, until nobody waits. */
async function drain(key: string, bucket: UsagePlanBucket, first: Waiter[]): Promise<void> {
  let batch = first;
  while (batch.length > 0) {
    try {
      await grantBatch(bucket, batch);
    } catch (error) {
      for (const waiter of batch) waiter.reject(error);
    }
    const waiting = lanes.get(key)!;
    batch = waiting.splice(0, MAX_BATCH);
    if (waiting.length === 0 && batch.length === 0) lanes.delete(key);
  }
}

async function grantBatch(bucket: UsagePlanBucket, batch: Waiter[]): Promise<void> {
  const key = keyOf(bucket);
  const seen = reserves.get(key);
  const ahead = seen ? reserveSize(bucket, seen.rate) : 0;
  if (seen && ahead >= 1 && seen.lastSeenTokens >= batch.length + 4 * ahead) {
    // Well filled when last seen: take the batch and the reserve at once, if 2 reserves' worth still remain after.
    const taken = await takeSlots(bucket, batch.length + ahead, 0, 2 * ahead);
    if (taken) {
      reserves.set(key, { tokens: ahead, rate: taken.rate, expiresAt: Date.now() + RESERVE_MS, lastSeenTokens: taken.tokens });
      for (const waiter of batch) waiter.resolve({ granted: true, waitMs: 0, rate: taken.rate });
      return;
    }
  }
  if (batch.length > 1) {
    const maxWaitMs = Math.min(...batch.map((waiter) => waiter.maxWaitMs));
    const taken = await takeSlots(bucket, batch.length, maxWaitMs);
    if (taken) {
      // Slot i's tokens are what the bucket held after i + 1 takes: the last waiter's is the row's.
      batch.forEach((waiter, i) => waiter.resolve(grantFor(taken.tokens + (batch.length - 1 - i), taken.rate)));
      return;
    }
  }
  for (const waiter of batch) {
    const taken = await takeSlots(bucket, 1, waiter.maxWaitMs);
    waiter.resolve(taken ? grantFor(taken.tokens, taken.rate) : await refusal(bucket));
  }
}

/** Remembers what the row held after a statement (the reserve itself is kept until spent or expired). */
function noteSeen(bucket: UsagePlanBucket, row: { tokens: number; rate: number }): void {
  const key = keyOf(bucket);
  const reserve = reserves.get(key);
  if (reserve) Object.assign(reserve, { lastSeenTokens: row.tokens, rate: row.rate });
  else reserves.set(key, { tokens: 0, rate: row.rate, expiresAt: 0, lastSeenTokens: row.tokens });
}

function grantFor(tokens: number, rate: number): SlotGrant {
  return { granted: true, waitMs: tokens >= 0 ? 0 : Math.ceil((-tokens / rate) * 1000), rate };
}

/**
 * Takes `n` slots if the n-th comes within `maxWaitMs` (and at least `keep` tokens remain), else none;
 * returns the tokens left and the rate.
 */
async function takeSlots(bucket: UsagePlanBucket, n: number, maxWaitMs: number, keep = 0): Promise<{ tokens: number; rate: number } | null> {
  const maxWaitSeconds = Math.max(0, maxWaitMs) / 1000;
  // A new bucket starts full: a batch that would not fit even there takes nothing.
  if (bucket.burst - n < keep - maxWaitSeconds * bucket.rate) return null;
  const rows = await rawQuery<{ tokens: number; rate: number }>(Prisma.sql`
    INSERT INTO "GatewayRateBucket" AS b ("authorizationId", "usagePlan", "rate", "burst", "tokens", "updatedAt")
    VALUES (${bucket.authorizationId}, ${bucket.usagePlan}, ${bucket.rate}, ${bucket.burst}, ${bucket.burst - n}, now())
    ON CONFLICT ("authorizationId", "usagePlan") DO UPDATE SET
      "tokens" = ${REFILLED_TOKENS} - ${n}::int,
      "updatedAt" = now()
    WHERE ${REFILLED_TOKENS} - ${n}::int >= ${keep}::float8 - ${maxWaitSeconds}::float8 * b."rate"
    RETURNING b."tokens", b."rate"`);
  const row = rows[0];
  if (row) noteSeen(bucket, row);
  return row ?? null;
}

/** When a request could go at once (at least a second from now). */
async function refusal(bucket: UsagePlanBucket): Promise<SlotGrant> {
  const [state] = await db.$queryRaw<{ tokens: number; rate: number }[]>`
    SELECT ${REFILLED_TOKENS} AS "tokens", b."rate" FROM "GatewayRateBucket" b WHERE ${isBucket(bucket)}`;
  const retryAfterMs = state ? Math.ceil(((1 - state.tokens) / state.rate) * 1000) : 1000;
  return { granted: false, retryAfterMs: Math.max(1000, retryAfterMs) };
}
