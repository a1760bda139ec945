import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createLogger, setLogger } from "@/lib/log/logger";
import { clearDataKeyCache, ensureDataKeyRow, findDataKeyRow, SYSTEM_DATA_KEY_ID, unwrapDataKey } from "@/lib/vault/data-keys";
import {
  decryptForTenant,
  decryptSystem,
  encryptForTenant,
  encryptSystem,
  parseKeyRing,
  rewrapDataKeys,
  setKeyRing,
  VaultError,
  vaultStatus,
  type KeyRing,
} from "@/lib/vault";
import { resetDatabase, setupTestDatabase, teardownTestDatabase } from "../../support/database";

const keyA = `kA:${randomBytes(32).toString("base64")}`;
const keyB = `kB:${randomBytes(32).toString("base64")}`;
const ringA = (): KeyRing => parseKeyRing(keyA);
const ringBA = (): KeyRing => parseKeyRing(`${keyB},${keyA}`);
const ringB = (): KeyRing => parseKeyRing(keyB);

let tenantCount = 0;
async function createTenant(): Promise<string> {
  tenantCount += 1;
  const tenant = await db.tenant.create({ data: { name: `Tenant ${tenantCount}`, kind: "SELLER", contactEmail: `t${tenantCount}@example.test` } });
  return tenant.id;
}

const refreshToken = (n: number) => `Atzr|IwEBIVaultIntegration-${n}-${randomBytes(24).toString("base64url")}`;

async function vaultError(promise: Promise<unknown>): Promise<VaultError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(VaultError);
  return error as VaultError;
}

interface Sealed {
  tenantId: string | null;
  plaintext: string;
  ciphertext: string;
  context: string;
}

/** Seals one value for each of `tenants` tenants plus one system value under the current ring. */
async function sealValues(tenants: number): Promise<Sealed[]> {
  const sealed: Sealed[] = [];
  for (let i = 0; i < tenants; i += 1) {
    const tenantId = await createTenant();
    const plaintext = refreshToken(i);
    const context = `authorization:auth_${i}:refresh_token`;
    sealed.push({ tenantId, plaintext, context, ciphertext: await encryptForTenant(tenantId, plaintext, context) });
  }
  const plaintext = `amzn1.oa2-cs.v1.${randomBytes(32).toString("hex")}`;
  sealed.push({ tenantId: null, plaintext, context: "app_client:ac_1:secret:1", ciphertext: await encryptSystem(plaintext, "app_client:ac_1:secret:1") });
  return sealed;
}

async function expectAllDecrypt(values: Sealed[]): Promise<void> {
  for (const value of values) {
    const plaintext = value.tenantId === null ? await decryptSystem(value.ciphertext, value.context) : await decryptForTenant(value.tenantId, value.ciphertext, value.context);
    expect(plaintext).toBe(value.plaintext);
  }
}

/** Switches the ring and forgets cached data keys, as a restarted process would. */
function useRing(ring: KeyRing): void {
  setKeyRing(ring);
  clearDataKeyCache();
}

describe("vault (real database)", () => {
  beforeAll(setupTestDatabase);
  afterAll(async () => {
    setKeyRing(undefined);
    await teardownTestDatabase();
  });
  beforeEach(async () => {
    await resetDatabase();
    useRing(ringA());
  });

  it("round-trips tenant and system secrets, bound to their tenant and context", async () => {
    const tenantId = await createTenant();
    const otherTenantId = await createTenant();
    const token = refreshToken(1);
    const ciphertext = await encryptForTenant(tenantId, token, "authorization:a1:refresh_token");
    expect(await decryptForTenant(tenantId, ciphertext, "authorization:a1:refresh_token")).toBe(token);

    const row = await findDataKeyRow({ kind: "tenant", tenantId });
    expect(ciphertext.startsWith(`lk1.${row?.id}.`)).toBe(true);
    expect((await vaultError(decryptForTenant(tenantId, ciphertext, "authorization:a2:refresh_token"))).code).toBe("vault_decrypt_failed");
    await encryptForTenant(otherTenantId, "other tenant's secret", "authorization:b1:refresh_token");
    expect((await vaultError(decryptForTenant(otherTenantId, ciphertext, "authorization:a1:refresh_token"))).code).toBe("vault_decrypt_failed");
    const untouched = await createTenant();
    expect((await vaultError(decryptForTenant(untouched, ciphertext, "authorization:a1:refresh_token"))).code).toBe("vault_decrypt_failed");
    expect(await findDataKeyRow({ kind: "tenant", tenantId: untouched })).toBeNull();

    const secret = "amzn1.oa2-cs.v1.system-secret-value";
    const systemCiphertext = await encryptSystem(secret, "app_client:ac:secret:1");
    expect(systemCiphertext.startsWith(`lk1.${SYSTEM_DATA_KEY_ID}.`)).toBe(true);
    expect(await decryptSystem(systemCiphertext, "app_client:ac:secret:1")).toBe(secret);
    expect((await vaultError(decryptForTenant(tenantId, systemCiphertext, "app_client:ac:secret:1"))).code).toBe("vault_decrypt_failed");

    // A fresh process (empty cache) reads the same keys back from the database.
    clearDataKeyCache();
    expect(await decryptForTenant(tenantId, ciphertext, "authorization:a1:refresh_token")).toBe(token);
    expect(await decryptSystem(systemCiphertext, "app_client:ac:secret:1")).toBe(secret);
  });

  it("refuses to create a data key for a tenant that does not exist", async () => {
    await expect(encryptForTenant("no_such_tenant", "x".repeat(20), "ctx")).rejects.toMatchObject({ code: "not_found" });
  });

  it("stores neither the plaintext nor the raw data key in the database", async () => {
    const tenantId = await createTenant();
    const authorization = await db.authorization.create({ data: { tenantId, region: "NA", authType: "WEBSITE" } });
    const token = refreshToken(7);
    const ciphertext = await encryptForTenant(tenantId, token, `authorization:${authorization.id}:refresh_token`);
    await db.authorization.update({ where: { id: authorization.id }, data: { refreshTokenCiphertext: ciphertext } });

    const dataKey = await findDataKeyRow({ kind: "tenant", tenantId });
    expect(dataKey?.masterKeyId).toBe("kA");
    const rawKey = unwrapDataKey(dataKey!);
    const stored = JSON.stringify([
      await db.$queryRawUnsafe(`SELECT * FROM "Authorization"`),
      await db.$queryRawUnsafe(`SELECT * FROM "DataKey"`),
    ]);
    expect(stored).toContain(ciphertext);
    for (const forbidden of [token, token.slice(5), Buffer.from(token).toString("base64").slice(0, 20), rawKey.toString("hex"), rawKey.toString("base64"), rawKey.toString("base64url")]) {
      expect(stored).not.toContain(forbidden);
    }
    const masterKey = ringA().active.key;
    expect(stored).not.toContain(Buffer.from(masterKey).toString("base64"));
  });

  it("creates exactly one data key when a tenant's first uses race", async () => {
    const tenantId = await createTenant();
    // Below the in-process de-duplication: every call reads, misses, and inserts.
    const rows = await Promise.all(Array.from({ length: 8 }, () => ensureDataKeyRow({ kind: "tenant", tenantId })));
    expect(new Set(rows.map((row) => row.id)).size).toBe(1);
    expect(await db.dataKey.count({ where: { tenantId } })).toBe(1);

    const systemRows = await Promise.all(Array.from({ length: 8 }, () => ensureDataKeyRow({ kind: "system" })));
    expect(new Set(systemRows.map((row) => row.id))).toEqual(new Set([SYSTEM_DATA_KEY_ID]));
    expect(await db.dataKey.count({ where: { purpose: "system" } })).toBe(1);

    // Through the public API, for a tenant nobody has used yet: every ciphertext opens afterwards.
    const fresh = await createTenant();
    const values = Array.from({ length: 10 }, (_, i) => refreshToken(100 + i));
    const ciphertexts = await Promise.all(values.map((value, i) => encryptForTenant(fresh, value, `ctx:${i}`)));
    expect(await db.dataKey.count({ where: { tenantId: fresh } })).toBe(1);
    clearDataKeyCache();
    expect(await Promise.all(ciphertexts.map((c, i) => decryptForTenant(fresh, c, `ctx:${i}`)))).toEqual(values);
  });

  it("rotates the master key: every value still decrypts, every data key moves to the new key, data ciphertexts untouched", async () => {
    const values = await sealValues(3);
    expect(await vaultStatus()).toMatchObject({ activeKeyId: "kA", total: 4, needsRewrap: 0 });

    useRing(ringBA());
    expect(await vaultStatus()).toMatchObject({ activeKeyId: "kB", total: 4, needsRewrap: 4, byMasterKey: [{ masterKeyId: "kA", count: 4, active: false, inKeyRing: true }] });
    await expectAllDecrypt(values); // old wrapping still works with A in the ring

    const progress: number[] = [];
    const result = await rewrapDataKeys({ batchSize: 3, onProgress: (p) => progress.push(p.done) });
    expect(result).toMatchObject({ activeKeyId: "kB", total: 4, rewrapped: 4, alreadyCurrent: 0, failed: 0 });
    expect(progress).toEqual([3, 4]);
    const rows = await db.dataKey.findMany();
    expect(rows.every((row) => row.masterKeyId === "kB" && row.rewrappedAt !== null)).toBe(true);
    expect(rows.every((row) => row.wrappedKey.startsWith("lk1.kB."))).toBe(true);

    clearDataKeyCache();
    await expectAllDecrypt(values);

    // Once everything is re-wrapped, the old key can leave the ring.
    useRing(ringB());
    await expectAllDecrypt(values);
    expect(await rewrapDataKeys()).toMatchObject({ total: 4, rewrapped: 0, alreadyCurrent: 4, failed: 0 });
    expect(await vaultStatus()).toMatchObject({ activeKeyId: "kB", needsRewrap: 0, byMasterKey: [{ masterKeyId: "kB", count: 4, active: true, inKeyRing: true }] });
  });

  it("survives an interrupted rewrap: every row stays valid, and a rerun finishes the job", async () => {
    const values = await sealValues(5);
    useRing(ringBA());

    let written = 0;
    await expect(
      rewrapDataKeys({
        batchSize: 2,
        afterRow: () => {
          written += 1;
          if (written === 3) throw new Error("simulated crash");
        },
      }),
    ).rejects.toThrow("simulated crash");

    const midway = await db.dataKey.findMany();
    expect(midway.filter((row) => row.masterKeyId === "kB")).toHaveLength(3);
    expect(midway.filter((row) => row.masterKeyId === "kA")).toHaveLength(3);
    const ring = ringBA();
    for (const row of midway) expect(unwrapDataKey(row, ring)).toHaveLength(32); // old-and-valid or new-and-valid
    clearDataKeyCache();
    await expectAllDecrypt(values);

    const rerun = await rewrapDataKeys({ batchSize: 2 });
    expect(rerun).toMatchObject({ total: 6, rewrapped: 3, alreadyCurrent: 3, failed: 0 });
    expect(await db.dataKey.count({ where: { masterKeyId: "kB" } })).toBe(6);

    useRing(ringB());
    await expectAllDecrypt(values);
  });

  it("refuses to rewrap when a data key's master key is missing from the ring, and changes nothing", async () => {
    const values = await sealValues(2);
    const before = await db.dataKey.findMany({ orderBy: { id: "asc" } });
    useRing(ringB()); // A forgotten before the rewrap

    const error = await vaultError(rewrapDataKeys());
    expect(error.code).toBe("vault_key_unavailable");
    expect(error.message).toContain('"kA" (3)');
    expect(error.message).toContain("VAULT_MASTER_KEYS");
    expect(await db.dataKey.findMany({ orderBy: { id: "asc" } })).toEqual(before);
    expect((await vaultError(decryptForTenant(values[0]!.tenantId!, values[0]!.ciphertext, values[0]!.context))).code).toBe("vault_key_unavailable");
    expect(await vaultStatus()).toMatchObject({ needsRewrap: 3, byMasterKey: [{ masterKeyId: "kA", count: 3, inKeyRing: false }] });

    useRing(ringBA()); // putting A back fixes it
    expect(await rewrapDataKeys()).toMatchObject({ rewrapped: 3, failed: 0 });
    await expectAllDecrypt(values);
  });

  it("reports a data key that cannot be unwrapped, leaves it as it was, and re-wraps the rest", async () => {
    const values = await sealValues(2);
    const victim = await findDataKeyRow({ kind: "tenant", tenantId: values[0]!.tenantId! });
    const foreign = parseKeyRing(`kA:${randomBytes(32).toString("base64")}`);
    // Wrapped under a different key that claims to be kA: unwrapping fails.
    const { seal } = await import("@/lib/vault/envelope");
    const corrupt = seal(foreign.active, randomBytes(32), `datakey:${values[0]!.tenantId}`);
    await db.dataKey.update({ where: { id: victim!.id }, data: { wrappedKey: corrupt } });

    useRing(ringBA());
    const lines: string[] = [];
    setLogger(createLogger({ level: "info", destination: { write: (line: string) => void lines.push(line) } }));
    const result = await rewrapDataKeys().finally(() => setLogger(undefined));
    expect(result).toMatchObject({ total: 3, rewrapped: 2, failed: 1, failedIds: [victim!.id] });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: "error", dataKeyId: victim!.id, masterKeyId: "kA", err: { code: "vault_decrypt_failed" } });
    expect(lines[0]).not.toContain(keyA.slice(3));
    expect(await db.dataKey.findUnique({ where: { id: victim!.id } })).toMatchObject({ masterKeyId: "kA", wrappedKey: corrupt, rewrappedAt: null });
    await expectAllDecrypt(values.slice(1));
  });
});
