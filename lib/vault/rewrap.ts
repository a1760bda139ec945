import "server-only";
// Master-key rotation. Data ciphertexts are sealed with data keys, which never change; rotating the
// master key only re-wraps the DataKey rows. Each row is unwrapped with its old master key, sealed under
// the active one, verified by unwrapping the new envelope, and written with a conditional update (only
// if it still names the old key). A row is therefore always either old-and-valid or new-and-valid, and
// an interrupted run is finished by running it again.
import { timingSafeEqual } from "node:crypto";
import { db } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";
import { type DataKeyRow, dataKeyContext, unwrapDataKey } from "./data-keys";
import { open, seal } from "./envelope";
import { getKeyRing, type KeyRing } from "./key-ring";
import { VaultError } from "./vault-error";

export interface RewrapProgress {
  /** Rows handled so far, including those already under the active key. */
  done: number;
  total: number;
  rewrapped: number;
  alreadyCurrent: number;
  failed: number;
}

export interface RewrapOptions {
  /** Rows read per query (default 100). */
  batchSize?: number;
  /** Called after each batch. */
  onProgress?: (progress: RewrapProgress) => void;
  /** Called after each row is written (tests use it to simulate a crash mid-run). */
  afterRow?: (row: { id: string; index: number }) => void | Promise<void>;
}

export interface RewrapResult {
  activeKeyId: string;
  /** Data keys when the run started. */
  total: number;
  rewrapped: number;
  /** Rows that needed nothing: already under the active key, re-wrapped by a concurrent run, or deleted meanwhile. */
  alreadyCurrent: number;
  /** Rows that could not be unwrapped or verified; they keep their old, still valid, wrapping. */
  failed: number;
  failedIds: string[];
}

const rowSelect = { id: true, tenantId: true, purpose: true, wrappedKey: true, masterKeyId: true } as const;

type RowOutcome = "rewrapped" | "alreadyCurrent" | "failed";

async function rewrapRow(row: DataKeyRow, ring: KeyRing): Promise<RowOutcome> {
  const active = ring.active;
  const context = dataKeyContext(row);
  let key: Buffer | undefined;
  let check: Buffer | undefined;
  try {
    key = unwrapDataKey(row, ring);
    const wrappedKey = seal(active, key, context);
    check = open(active, wrappedKey, context);
    if (check.length !== key.length || !timingSafeEqual(check, key)) {
      throw new VaultError("vault_decrypt_failed", `data key ${row.id}: the re-wrapped key did not verify`);
    }
    const { count } = await db.dataKey.updateMany({
      where: { id: row.id, masterKeyId: row.masterKeyId },
      data: { wrappedKey, masterKeyId: active.id, rewrappedAt: new Date() },
    });
    if (count === 1) return "rewrapped";
    const current = await db.dataKey.findUnique({ where: { id: row.id }, select: { masterKeyId: true } });
    return !current || current.masterKeyId === active.id ? "alreadyCurrent" : "failed";
  } catch (error) {
    // A row that cannot be unwrapped keeps its old wrapping and is reported; database errors stop the run.
    if (!(error instanceof VaultError)) throw error;
    logger.error({ err: error, dataKeyId: row.id, masterKeyId: row.masterKeyId }, "vault rewrap: data key could not be re-wrapped");
    return "failed";
  } finally {
    key?.fill(0);
    check?.fill(0);
  }
}

/** Refuses (VaultError vault_key_unavailable) when some data key's master key is not in the ring. */
async function assertAllMasterKeysPresent(ring: KeyRing): Promise<{ total: number; alreadyCurrent: number }> {
  const groups = await db.dataKey.groupBy({ by: ["masterKeyId"], _count: { _all: true } });
  const missing = groups.filter((group) => !ring.get(group.masterKeyId));
  if (missing.length > 0) {
    const rows = missing.reduce((sum, group) => sum + group._count._all, 0);
    const list = missing.map((group) => `"${group.masterKeyId}" (${group._count._all})`).join(", ");
    throw new VaultError(
      "vault_key_unavailable",
      `refusing to rewrap: ${rows} data key(s) are wrapped by master key(s) missing from the key ring: ${list}. ` +
        "Add those keys back to VAULT_MASTER_KEYS (after the active key) and run again.",
    );
  }
  return {
    total: groups.reduce((sum, group) => sum + group._count._all, 0),
    alreadyCurrent: groups.find((group) => group.masterKeyId === ring.active.id)?._count._all ?? 0,
  };
}

/** Re-wraps every data key not under the active master key. Safe to interrupt and to run again. */
export async function rewrapDataKeys(options: RewrapOptions = {}): Promise<RewrapResult> {
  const ring = getKeyRing();
  const batchSize = Math.max(1, Math.min(options.batchSize ?? 100, 10_000));
  const counts = await assertAllMasterKeysPresent(ring);
  const result: RewrapResult = { activeKeyId: ring.active.id, total: counts.total, rewrapped: 0, alreadyCurrent: counts.alreadyCurrent, failed: 0, failedIds: [] };
  const progress = (): RewrapProgress => ({
    done: result.alreadyCurrent + result.rewrapped + result.failed,
    total: result.total,
    rewrapped: result.rewrapped,
    alreadyCurrent: result.alreadyCurrent,
    failed: result.failed,
  });

  let cursor: string | undefined;
  let index = 0;
  for (;;) {
    const batch = await db.dataKey.findMany({
      where: { masterKeyId: { not: ring.active.id }, ...(cursor === undefined ? {} : { id: { gt: cursor } }) },
      orderBy: { id: "asc" },
      take: batchSize,
      select: rowSelect,
    });
    if (batch.length === 0) break;
    for (const row of batch) {
      cursor = row.id;
      const outcome = await rewrapRow(row, ring);
      result[outcome] += 1;
      if (outcome === "failed") result.failedIds.push(row.id);
      if (outcome === "rewrapped") await options.afterRow?.({ id: row.id, index });
      index += 1;
    }
    options.onProgress?.(progress());
  }
  // Rows created by other processes mid-run under an older key (a stale deployment) count too.
  result.total = Math.max(result.total, result.alreadyCurrent + result.rewrapped + result.failed);
  return result;
}

export interface VaultStatus {
  activeKeyId: string;
  keyRingIds: string[];
  keySource: KeyRing["source"];
  total: number;
  /** Data keys not yet under the active master key. */
  needsRewrap: number;
  byMasterKey: { masterKeyId: string; count: number; active: boolean; inKeyRing: boolean }[];
}

/** Data keys per master key id, for the admin health page and the rewrap script. */
export async function vaultStatus(): Promise<VaultStatus> {
  const ring = getKeyRing();
  const groups = await db.dataKey.groupBy({ by: ["masterKeyId"], _count: { _all: true }, orderBy: { masterKeyId: "asc" } });
  const byMasterKey = groups.map((group) => ({
    masterKeyId: group.masterKeyId,
    count: group._count._all,
    active: group.masterKeyId === ring.active.id,
    inKeyRing: ring.get(group.masterKeyId) !== undefined,
  }));
  const total = byMasterKey.reduce((sum, group) => sum + group.count, 0);
  return {
    activeKeyId: ring.active.id,
    keyRingIds: [...ring.ids],
    keySource: ring.source,
    total,
    needsRewrap: byMasterKey.filter((group) => !group.active).reduce((sum, group) => sum + group.count, 0),
    byMasterKey,
  };
}
