import "server-only";
// Data keys: one random 32-byte key per tenant, plus one system key (tenantId null, id "system") for the
// app client's secrets. Each is stored wrapped (sealed) under the active master key with the context
// "datakey:<tenantId|system>", created on first use (race-safe through the unique constraints), and
// kept unwrapped in a small in-process cache, zero-filled when evicted.
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { Prisma } from "@/lib/generated/prisma/client";
import { open, seal, type SealingKey } from "./envelope";
import { getKeyRing, type KeyRing } from "./key-ring";
import { VaultError } from "./vault-error";

export type DataKeyScope = { kind: "tenant"; tenantId: string } | { kind: "system" };

/** The system data key's row id: a fixed id makes its creation race-safe like a tenant's. */
export const SYSTEM_DATA_KEY_ID = "system";
const KEY_BYTES = 32;
const MAX_CACHED_KEYS = 1000;

/** A Prisma client or transaction client: pass the transaction's when the tenant was created in it. */
export type DataKeyClient = Pick<Prisma.TransactionClient, "dataKey">;

export interface DataKeyRow {
  id: string;
  tenantId: string | null;
  purpose: string;
  wrappedKey: string;
  masterKeyId: string;
}

const rowSelect = { id: true, tenantId: true, purpose: true, wrappedKey: true, masterKeyId: true } as const;

function scopeName(scope: DataKeyScope): string {
  return scope.kind === "system" ? "system" : scope.tenantId;
}

/** The associated data a data key is wrapped with: "datakey:<tenantId>" or "datakey:system". */
export function dataKeyContext(row: Pick<DataKeyRow, "tenantId">): string {
  return `datakey:${row.tenantId ?? "system"}`;
}

/** Unwraps a stored data key with the master key that wrapped it. The caller owns the buffer. */
export function unwrapDataKey(row: DataKeyRow, ring: KeyRing = getKeyRing()): Buffer {
  const master = ring.get(row.masterKeyId);
  if (!master) {
    throw new VaultError(
      "vault_key_unavailable",
      `data key ${row.id} is wrapped by master key "${row.masterKeyId}", which is not in the key ring (${ring.ids.join(", ")})`,
    );
  }
  const key = open(master, row.wrappedKey, dataKeyContext(row));
  if (key.length !== KEY_BYTES) {
    key.fill(0);
    throw new VaultError("vault_decrypt_failed");
  }
  return key;
}

function isPrismaError(error: unknown, code: string): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === code;
}

function findRow(scope: DataKeyScope, client: DataKeyClient): Promise<DataKeyRow | null> {
  return scope.kind === "system"
    ? client.dataKey.findUnique({ where: { id: SYSTEM_DATA_KEY_ID }, select: rowSelect })
    : client.dataKey.findUnique({ where: { tenantId: scope.tenantId }, select: rowSelect });
}

/** The stored data key for a scope, or null when none was created yet. */
export function findDataKeyRow(scope: DataKeyScope, client: DataKeyClient = db): Promise<DataKeyRow | null> {
  return findRow(scope, client);
}

/**
 * The stored data key for a scope, created (wrapped under the active master key) if there is none.
 * Concurrent first uses, in this process or others, end with one row: the loser of the insert hits the
 * unique constraint (tenantId, or the system key's fixed id) and reads the winner's row.
 */
export async function ensureDataKeyRow(scope: DataKeyScope, client: DataKeyClient = db): Promise<DataKeyRow> {
  const existing = await findRow(scope, client);
  if (existing) return existing;

  const master = getKeyRing().active;
  const key = randomBytes(KEY_BYTES);
  const row = { tenantId: scope.kind === "tenant" ? scope.tenantId : null };
  const wrappedKey = seal(master, key, dataKeyContext(row));
  key.fill(0);
  try {
    return await client.dataKey.create({
      data:
        scope.kind === "system"
          ? { id: SYSTEM_DATA_KEY_ID, purpose: "system", wrappedKey, masterKeyId: master.id }
          : { tenantId: scope.tenantId, purpose: "tenant", wrappedKey, masterKeyId: master.id },
      select: rowSelect,
    });
  } catch (error) {
    if (isPrismaError(error, "P2002")) {
      const winner = await findRow(scope, client);
      if (winner) return winner;
    }
    if (isPrismaError(error, "P2003")) throw new AppError("not_found", "Tenant not found.", { cause: error });
    throw error;
  }
}

// --- the in-process cache -------------------------------------------------------------------------
// Insertion order is recency (a hit moves the entry to the end); evicted keys are zero-filled. Keys are
// only ever used synchronously right after they are read from the cache (see withDataKey), so a key
// cannot be zeroed while an operation is using it. The cache belongs to one key ring: a new ring (a
// test or tool switching rings) empties it.

const cache = new Map<string, SealingKey>();
let cacheRing: KeyRing | undefined;
const inflight = new Map<string, Promise<DataKeyRow>>();

function cacheFor(ring: KeyRing): Map<string, SealingKey> {
  if (cacheRing !== ring) {
    clearDataKeyCache();
    cacheRing = ring;
  }
  return cache;
}

function cacheGet(ring: KeyRing, name: string): SealingKey | undefined {
  const entries = cacheFor(ring);
  const entry = entries.get(name);
  if (entry) {
    entries.delete(name);
    entries.set(name, entry);
  }
  return entry;
}

function cacheSet(ring: KeyRing, name: string, entry: SealingKey): void {
  const entries = cacheFor(ring);
  const replaced = entries.get(name);
  if (replaced && replaced !== entry) replaced.key.fill(0);
  entries.delete(name);
  entries.set(name, entry);
  for (const [oldest, evicted] of entries) {
    if (entries.size <= MAX_CACHED_KEYS) break;
    entries.delete(oldest);
    evicted.key.fill(0);
  }
}

/** Forgets (and zero-fills) every cached data key. */
export function clearDataKeyCache(): void {
  for (const entry of cache.values()) entry.key.fill(0);
  cache.clear();
  inflight.clear();
}

function loadRow(scope: DataKeyScope, create: boolean, client: DataKeyClient | undefined): Promise<DataKeyRow | null> {
  if (!create) return findRow(scope, client ?? db);
  // A transaction's client sees rows others cannot: never share its result.
  if (client) return ensureDataKeyRow(scope, client);
  const name = scopeName(scope);
  let pending = inflight.get(name);
  if (!pending) {
    pending = ensureDataKeyRow(scope).finally(() => inflight.delete(name));
    inflight.set(name, pending);
  }
  return pending;
}

export interface WithDataKeyOptions {
  /** Create the data key when there is none (encrypting); otherwise a missing key fails to decrypt. */
  create: boolean;
  client?: DataKeyClient;
}

/**
 * Runs `run` with the scope's unwrapped data key. `run` must be synchronous: between reading the cache
 * and using the key nothing else runs, so eviction cannot zero a key in use.
 */
export async function withDataKey<T>(scope: DataKeyScope, options: WithDataKeyOptions, run: (key: SealingKey) => T): Promise<T> {
  const name = scopeName(scope);
  const hit = cacheGet(getKeyRing(), name);
  if (hit) return run(hit);

  const row = await loadRow(scope, options.create, options.client);
  if (!row) throw new VaultError("vault_decrypt_failed");
  const ring = getKeyRing();
  let entry = cacheGet(ring, name);
  if (!entry || entry.id !== row.id) {
    entry = { id: row.id, key: unwrapDataKey(row, ring) };
    cacheSet(ring, name, entry);
  }
  return run(entry);
}

/**
 * Loads into the cache, with one query, the data keys of these tenants that are not cached yet: a batch
 * about to decrypt or seal for hundreds of tenants then reads no key row per tenant. Tenants without a key
 * are left out (their first seal creates it, as always).
 */
export async function warmTenantDataKeys(tenantIds: readonly string[]): Promise<void> {
  const ring = getKeyRing();
  const cached = cacheFor(ring);
  const missing = [...new Set(tenantIds)].filter((tenantId) => !cached.has(tenantId));
  if (missing.length === 0) return;
  const rows = await db.dataKey.findMany({ where: { tenantId: { in: missing } }, select: rowSelect });
  for (const row of rows) {
    if (!row.tenantId || cached.has(row.tenantId)) continue;
    cacheSet(ring, row.tenantId, { id: row.id, key: unwrapDataKey(row, ring) });
  }
}
