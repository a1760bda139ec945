import "server-only";
// The access-token cache and its refresh-lease protocol, in one place: partner tokens and the app client's
// grantless tokens alike. Three layers: this process's memory (with one in-flight load per key), the shared
// encrypted row in AccessTokenCache, and LWA. At most one instance refreshes a key at a time: it holds the
// row's lease (the database's clock decides, so skewed instances agree; a crashed holder's lease lapses),
// the others wait for its result. The lease is fenced: every acquisition increments the row's
// leaseGeneration, and the holder's token write (and release) only applies while the generation is still
// its own, so a holder that outlived its lease (a slow LWA) and was overtaken cannot overwrite the newer token.
import { randomUUID, timingSafeEqual } from "node:crypto";
import { LRUCache } from "lru-cache";
import { db } from "@/lib/db/client";
import { readServerEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/log";
import { processLocal } from "@/lib/runtime/process-local";

export interface CachedToken {
  accessToken: string;
  expiresAt: Date;
}

export interface TokenSource {
  cacheKey: string;
  authorizationId: string | null;
  /** Seal/open the token for the shared cache (tenant key for partners, system key for grantless). */
  seal(token: string): Promise<string>;
  open(ciphertext: string): Promise<string>;
  /** One fetch from LWA (with its own failure classification). */
  fetch(): Promise<CachedToken>;
  /** When set and in the future, LWA is not called (a broken authorization cannot cause a refresh storm). */
  cooldownUntil?: Date | null;
}

interface MemoryEntry extends CachedToken {
  expiresAtMs: number;
}

/** Tokens this process keeps in memory at most; the least recently used go first (the shared row keeps them). */
const MEMORY_TOKENS = 10_000;

// In-process layer: tokens by cache key, and one in-flight load per key (single flight within a process).
const memory = processLocal("memoryTokens", () => new LRUCache<string, MemoryEntry>({ max: MEMORY_TOKENS }));
const inflight = processLocal("inflightTokens", () => new Map<string, Promise<CachedToken>>());

// The shared row and its lease.

/** This process's identity in lease rows. */
const INSTANCE_ID = `${process.pid}-${randomUUID().slice(0, 8)}`;

/** Makes sure the shared cache row exists, so instances can compete for its lease. */
async function ensureCacheRow(cacheKey: string, authorizationId: string | null): Promise<void> {
  await db.$executeRaw`
    INSERT INTO "AccessTokenCache" ("id", "cacheKey", "authorizationId", "updatedAt")
    VALUES (${randomUUID()}, ${cacheKey}, ${authorizationId}, now())
    ON CONFLICT ("cacheKey") DO NOTHING`;
}

/** A held lease: the row's key and the fencing token (generation) this acquisition got. */
export interface Lease {
  cacheKey: string;
  generation: number;
}

/**
 * Takes the refresh lease on a cache row if nobody holds a live one, and returns its fencing token. The
 * database's clock decides, so instances with skewed clocks still agree. A crashed holder's lease simply expires.
 */
async function tryAcquireLease(cacheKey: string, leaseSeconds: number): Promise<Lease | null> {
  const taken = await db.$queryRaw<{ leaseGeneration: number }[]>`
    UPDATE "AccessTokenCache"
    SET "leaseOwner" = ${INSTANCE_ID}, "leaseExpiresAt" = now() + make_interval(secs => ${leaseSeconds}),
        "leaseGeneration" = "leaseGeneration" + 1, "updatedAt" = now()
    WHERE "cacheKey" = ${cacheKey} AND ("leaseExpiresAt" IS NULL OR "leaseExpiresAt" < now())
    RETURNING "leaseGeneration"`;
  return taken[0] ? { cacheKey, generation: taken[0].leaseGeneration } : null;
}

/** Releases a lease if it is still ours (a lease that lapsed and was taken over is left to its new holder). */
async function releaseLease(lease: Lease): Promise<void> {
  await db.$executeRaw`
    UPDATE "AccessTokenCache" SET "leaseOwner" = NULL, "leaseExpiresAt" = NULL, "updatedAt" = now()
    WHERE "cacheKey" = ${lease.cacheKey} AND "leaseGeneration" = ${lease.generation}`;
}

/**
 * Stores a refreshed token and releases the lease in one statement, only while the lease's generation is
 * still ours. Returns false when the write was refused (we were overtaken: the newer holder's token stands).
 */
async function storeTokenAndRelease(lease: Lease, tokenCiphertext: string, expiresAt: Date): Promise<boolean> {
  const stored = await db.$executeRaw`
    UPDATE "AccessTokenCache"
    SET "tokenCiphertext" = ${tokenCiphertext}, "expiresAt" = ${expiresAt}, "refreshedAt" = now(),
        "leaseOwner" = NULL, "leaseExpiresAt" = NULL, "updatedAt" = now()
    WHERE "cacheKey" = ${lease.cacheKey} AND "leaseGeneration" = ${lease.generation}`;
  return stored === 1;
}

async function readCacheRow(cacheKey: string) {
  return db.accessTokenCache.findUnique({ where: { cacheKey }, select: { tokenCiphertext: true, expiresAt: true, leaseExpiresAt: true } });
}

function timing() {
  const env = readServerEnv();
  return { marginMs: env.TOKEN_REFRESH_MARGIN_SECONDS * 1000, skewMs: env.TOKEN_CLOCK_SKEW_SECONDS * 1000, leaseSeconds: env.TOKEN_LEASE_SECONDS };
}

/** Fresh = not inside the refresh-ahead margin (with clock-skew grace). */
function isFresh(expiresAtMs: number, now = Date.now()): boolean {
  const { marginMs, skewMs } = timing();
  return expiresAtMs - marginMs - skewMs > now;
}

/** Usable = not yet expired (with clock-skew grace): served when a refresh ahead of expiry fails. */
function isUsable(expiresAtMs: number, now = Date.now()): boolean {
  return expiresAtMs - timing().skewMs > now;
}

function peekMemoryToken(cacheKey: string): CachedToken | undefined {
  const entry = memory.get(cacheKey);
  return entry && isFresh(entry.expiresAtMs) ? entry : undefined;
}

/** Forgets a key in this process (revocation, reauthorization, kill switch). */
export function forgetMemoryToken(cacheKey: string): void {
  memory.delete(cacheKey);
}

export function forgetAllMemoryTokens(): void {
  memory.clear();
}

function remember(cacheKey: string, token: CachedToken): CachedToken {
  memory.set(cacheKey, { ...token, expiresAtMs: token.expiresAt.getTime() });
  return token;
}

/**
 * A token from memory, else from the shared encrypted cache, else from LWA, with exactly one LWA call
 * per key at a time across every process: the caller holding the row's lease refreshes, the others wait
 * and read its result.
 */
export function getCachedToken(source: TokenSource): Promise<CachedToken> {
  const hit = peekMemoryToken(source.cacheKey);
  if (hit) return Promise.resolve(hit);
  const running = inflight.get(source.cacheKey);
  if (running) return running;
  const load = loadShared(source).finally(() => inflight.delete(source.cacheKey));
  inflight.set(source.cacheKey, load);
  return load;
}

async function readShared(source: TokenSource): Promise<{ token?: CachedToken; usable?: CachedToken; leaseHeld: boolean; missing?: boolean }> {
  const row = await readCacheRow(source.cacheKey);
  if (!row) return { leaseHeld: false, missing: true };
  const leaseHeld = Boolean(row.leaseExpiresAt && row.leaseExpiresAt.getTime() > Date.now());
  if (!row.tokenCiphertext || !row.expiresAt) return { leaseHeld };
  const expiresAtMs = row.expiresAt.getTime();
  if (!isUsable(expiresAtMs)) return { leaseHeld };
  const token = { accessToken: await source.open(row.tokenCiphertext), expiresAt: row.expiresAt };
  return isFresh(expiresAtMs) ? { token, usable: token, leaseHeld } : { usable: token, leaseHeld };
}

async function loadShared(source: TokenSource): Promise<CachedToken> {
  await ensureCacheRow(source.cacheKey, source.authorizationId);
  const { leaseSeconds } = timing();
  const deadline = Date.now() + (leaseSeconds + 5) * 1000;
  let waitMs = 25;
  for (;;) {
    const shared = await readShared(source);
    // The row can vanish under us (a reauthorization clears the cache): put it back and compete again.
    if (shared.missing) {
      await ensureCacheRow(source.cacheKey, source.authorizationId);
      continue;
    }
    if (shared.token) return remember(source.cacheKey, shared.token);
    if (source.cooldownUntil && source.cooldownUntil.getTime() > Date.now()) {
      if (shared.usable) return remember(source.cacheKey, shared.usable);
      throw new AppError("amazon_unavailable", "Token refresh is cooling down after repeated failures; retry shortly.", {
        details: { retryAfterSeconds: Math.ceil((source.cooldownUntil.getTime() - Date.now()) / 1000) },
      });
    }
    if (!shared.leaseHeld) {
      const lease = await tryAcquireLease(source.cacheKey, leaseSeconds);
      if (lease) {
        const refreshed = await refreshUnderLease(source, lease);
        if (refreshed) return refreshed;
        // Overtaken: our late write was refused. Serve what the newer holder stored (or wait for it).
        continue;
      }
    }
    // A refresh ahead of expiry is under way elsewhere and the current token still works: serve it now.
    if (shared.leaseHeld && shared.usable) return remember(source.cacheKey, shared.usable);
    // Someone else is refreshing: wait for their result (or for their lease to lapse if they died).
    if (Date.now() > deadline) {
      if (shared.usable) return remember(source.cacheKey, shared.usable);
      throw new AppError("amazon_unavailable", "Timed out waiting for another instance to refresh the token.");
    }
    await new Promise((resolve) => setTimeout(resolve, waitMs + Math.random() * waitMs));
    waitMs = Math.min(waitMs * 2, 250);
  }
}

/** Refreshes under `lease`; null when the token was fetched but its write was refused (the lease was overtaken). */
async function refreshUnderLease(source: TokenSource, lease: Lease): Promise<CachedToken | null> {
  try {
    // Another instance may have stored a token between our read and our lease.
    const shared = await readShared(source);
    if (shared.token) {
      await releaseLease(lease);
      return remember(source.cacheKey, shared.token);
    }
    let token: CachedToken;
    try {
      token = await source.fetch();
    } catch (error) {
      // A refresh ahead of expiry failed but the old token still works: keep serving it.
      if (shared.usable && error instanceof AppError && error.code === "amazon_unavailable") {
        await releaseLease(lease);
        return remember(source.cacheKey, shared.usable);
      }
      throw error;
    }
    if (await storeTokenAndRelease(lease, await source.seal(token.accessToken), token.expiresAt)) return remember(source.cacheKey, token);
    logger.warn({ cacheKey: source.cacheKey, generation: lease.generation }, "token refresh outlived its lease and was overtaken; its token was not stored");
    return null;
  } catch (error) {
    await releaseLease(lease).catch(() => {});
    throw error;
  }
}

// Batches: the refresh-ahead sweep and the liveness check lease, store and release many rows with one
// statement each (same protocol and fencing as one request's refresh).

/**
 * Makes sure the rows exist and takes the lease on every one nobody holds: two statements for the whole
 * batch. Rows whose lease is held elsewhere are left out (their holder is refreshing them).
 */
export async function acquireLeases(entries: { cacheKey: string; authorizationId: string | null }[]): Promise<Lease[]> {
  if (entries.length === 0) return [];
  const { leaseSeconds } = timing();
  await db.$executeRaw`
    INSERT INTO "AccessTokenCache" ("id", "cacheKey", "authorizationId", "updatedAt")
    SELECT x.id, x.key, x.auth, now() FROM unnest(${entries.map(() => randomUUID())}::text[], ${entries.map((e) => e.cacheKey)}::text[], ${entries.map((e) => e.authorizationId)}::text[]) AS x(id, key, auth)
    ON CONFLICT ("cacheKey") DO NOTHING`;
  const taken = await db.$queryRaw<{ cacheKey: string; leaseGeneration: number }[]>`
    UPDATE "AccessTokenCache"
    SET "leaseOwner" = ${INSTANCE_ID}, "leaseExpiresAt" = now() + make_interval(secs => ${leaseSeconds}),
        "leaseGeneration" = "leaseGeneration" + 1, "updatedAt" = now()
    WHERE "cacheKey" = ANY(${entries.map((e) => e.cacheKey)}::text[]) AND ("leaseExpiresAt" IS NULL OR "leaseExpiresAt" < now())
    RETURNING "cacheKey", "leaseGeneration"`;
  for (const row of taken) memory.delete(row.cacheKey);
  return taken.map((row) => ({ cacheKey: row.cacheKey, generation: row.leaseGeneration }));
}

/**
 * Stores refreshed tokens and releases their leases in one statement; a write whose lease was overtaken is
 * refused, as for one request. Returns the keys stored; those are remembered in this process too.
 */
export async function storeTokensUnderLeases(writes: { lease: Lease; tokenCiphertext: string; token: CachedToken }[]): Promise<Set<string>> {
  if (writes.length === 0) return new Set();
  const stored = await db.$queryRaw<{ cacheKey: string }[]>`
    UPDATE "AccessTokenCache" AS c
    SET "tokenCiphertext" = x.ciphertext, "expiresAt" = x.expires, "refreshedAt" = now(),
        "leaseOwner" = NULL, "leaseExpiresAt" = NULL, "updatedAt" = now()
    FROM unnest(${writes.map((w) => w.lease.cacheKey)}::text[], ${writes.map((w) => w.lease.generation)}::int[], ${writes.map((w) => w.tokenCiphertext)}::text[], ${writes.map((w) => w.token.expiresAt.toISOString())}::timestamp(3)[]) AS x(key, generation, ciphertext, expires)
    WHERE c."cacheKey" = x.key AND c."leaseGeneration" = x.generation
    RETURNING c."cacheKey"`;
  const keys = new Set(stored.map((row) => row.cacheKey));
  for (const write of writes) if (keys.has(write.lease.cacheKey)) remember(write.lease.cacheKey, write.token);
  if (keys.size < writes.length) logger.warn({ refused: writes.length - keys.size }, "batched token refreshes outlived their leases and were overtaken; their tokens were not stored");
  return keys;
}

/**
 * Extends, in one statement, the leases of a batch that are still ours (same generation), for another
 * TOKEN_LEASE_SECONDS: a batch holder that is still working keeps its rows. Returns the keys still held.
 */
export async function extendLeases(leases: Lease[]): Promise<Set<string>> {
  if (leases.length === 0) return new Set();
  const { leaseSeconds } = timing();
  const kept = await db.$queryRaw<{ cacheKey: string }[]>`
    UPDATE "AccessTokenCache" AS c SET "leaseExpiresAt" = now() + make_interval(secs => ${leaseSeconds}), "updatedAt" = now()
    FROM unnest(${leases.map((l) => l.cacheKey)}::text[], ${leases.map((l) => l.generation)}::int[]) AS x(key, generation)
    WHERE c."cacheKey" = x.key AND c."leaseGeneration" = x.generation
    RETURNING c."cacheKey"`;
  return new Set(kept.map((row) => row.cacheKey));
}

/** Releases, in one statement, the leases of a batch that are still ours. */
export async function releaseLeases(leases: Lease[]): Promise<void> {
  if (leases.length === 0) return;
  await db.$executeRaw`
    UPDATE "AccessTokenCache" AS c SET "leaseOwner" = NULL, "leaseExpiresAt" = NULL, "updatedAt" = now()
    FROM unnest(${leases.map((l) => l.cacheKey)}::text[], ${leases.map((l) => l.generation)}::int[]) AS x(key, generation)
    WHERE c."cacheKey" = x.key AND c."leaseGeneration" = x.generation`;
}

/** How long a lease lasts (TOKEN_LEASE_SECONDS), for holders that must stop before theirs lapses. */
export function leaseMilliseconds(): number {
  return timing().leaseSeconds * 1000;
}

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * A caller reports that Amazon rejected `rejected` (401, or 403 Unauthorized). If it is still the token
 * being served, drop it from memory and from the shared cache so the next request refreshes (and so learns
 * whether the grant was revoked). A token already replaced is ignored: many workers reporting the same
 * rejected token cause one refresh, not a storm.
 */
export async function invalidateIfCurrent(source: Pick<TokenSource, "cacheKey" | "open">, rejected: string): Promise<boolean> {
  const inMemory = memory.get(source.cacheKey);
  if (inMemory && sameToken(inMemory.accessToken, rejected)) memory.delete(source.cacheKey);
  const row = await db.accessTokenCache.findUnique({ where: { cacheKey: source.cacheKey }, select: { tokenCiphertext: true } });
  if (!row?.tokenCiphertext || !sameToken(await source.open(row.tokenCiphertext), rejected)) return false;
  const cleared = await db.$executeRaw`
    UPDATE "AccessTokenCache" SET "tokenCiphertext" = NULL, "expiresAt" = NULL, "updatedAt" = now()
    WHERE "cacheKey" = ${source.cacheKey} AND "tokenCiphertext" = ${row.tokenCiphertext}`;
  return cleared === 1;
}
