import "server-only";
import { LRUCache } from "lru-cache";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { apiKeyFromHeader, hashApiKey } from "./key-format";
import { API_KEY_SCOPES, type ApiKeyScope } from "./scopes";
import { processLocal } from "@/lib/runtime/process-local";

export interface ApiCaller {
  apiKeyId: string;
  name: string;
  /** Empty: every tenant. */
  tenantIds: string[];
  scopes: ApiKeyScope[];
  rateLimitPerMinute: number;
}

function knownScopes(stored: string[]): ApiKeyScope[] {
  return API_KEY_SCOPES.filter((scope) => stored.includes(scope));
}

// Resolved keys by hash, re-checked at most once a second (a revoked key stops within a second). Unknown
// keys are remembered too (a flood of one wrong key costs one read a second), so the cache is bounded:
// random well-formed keys evict each other, never grow memory, and real keys are simply read again.
const KEY_MAX_AGE_MS = 1000;
export const API_KEY_CACHE_MAX = 10_000;
const keys = processLocal("apiKeys", () => new LRUCache<string, { at: number; caller: ApiCaller | null }>({ max: API_KEY_CACHE_MAX }));
const buckets = processLocal("apiKeyRateLimits", () => new Map<string, { tokens: number; at: number }>());
const used = processLocal("apiKeyUse", () => new Set<string>());
const inflight = processLocal("apiKeyLookups", () => new Map<string, Promise<ApiCaller | null>>());

/** One database read per key at a time, however many requests present it at once. */
function lookUp(keyHash: string): Promise<ApiCaller | null> {
  let running = inflight.get(keyHash);
  if (!running) {
    running = db.apiKey
      .findUnique({ where: { keyHash }, select: { id: true, name: true, tenantIds: true, scopes: true, rateLimitPerMinute: true, revokedAt: true } })
      .then((row) => {
        const caller = row && !row.revokedAt ? { apiKeyId: row.id, name: row.name, tenantIds: row.tenantIds, scopes: knownScopes(row.scopes), rateLimitPerMinute: row.rateLimitPerMinute } : null;
        keys.set(keyHash, { at: Date.now(), caller });
        return caller;
      })
      .finally(() => inflight.delete(keyHash));
    inflight.set(keyHash, running);
  }
  return running;
}
let flushTimer: NodeJS.Timeout | undefined;

/** Who is calling the token API, from `Authorization: Bearer lk_...`; 401 for anything else. */
export async function authenticateApiKey(header: string | null): Promise<ApiCaller> {
  const apiKey = apiKeyFromHeader(header);
  if (!apiKey) throw new AppError("unauthenticated", "Send an API key as `Authorization: Bearer lk_...`.");
  const keyHash = hashApiKey(apiKey);
  const entry = keys.get(keyHash);
  const caller = entry && Date.now() - entry.at < KEY_MAX_AGE_MS ? entry.caller : await lookUp(keyHash);
  if (!caller) throw new AppError("unauthenticated", "This API key is not valid or was revoked.");
  consumeRate(caller);
  noteKeyUse(caller.apiKeyId);
  return caller;
}

/** A token bucket per key and instance: `rateLimitPerMinute` requests, refilled continuously. */
function consumeRate(caller: ApiCaller): void {
  const now = Date.now();
  const capacity = caller.rateLimitPerMinute;
  const bucket = buckets.get(caller.apiKeyId) ?? { tokens: capacity, at: now };
  bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.at) / 60_000) * capacity);
  bucket.at = now;
  if (bucket.tokens < 1) {
    buckets.set(caller.apiKeyId, bucket);
    const retryAfterSeconds = Math.ceil(((1 - bucket.tokens) / capacity) * 60);
    throw new AppError("rate_limited", `This API key is limited to ${capacity} requests per minute.`, { details: { retryAfterSeconds } });
  }
  bucket.tokens -= 1;
  buckets.set(caller.apiKeyId, bucket);
}

function noteKeyUse(apiKeyId: string): void {
  used.add(apiKeyId);
  flushTimer ??= setInterval(() => {
    const ids = [...used];
    used.clear();
    if (ids.length) db.apiKey.updateMany({ where: { id: { in: ids } }, data: { lastUsedAt: new Date() } }).catch(() => {});
  }, 5000);
  flushTimer.unref();
}

/** How many key lookups (known and unknown) this process remembers; at most `API_KEY_CACHE_MAX`. */
export function cachedApiKeyCount(): number {
  return keys.size;
}

export function forgetApiKeysForTests(): void {
  keys.clear();
  buckets.clear();
}
