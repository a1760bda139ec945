import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigError } from "@/lib/env";
import { createLogger, setLogger } from "@/lib/log/logger";
import { loadDevKeyRing, loadKeyRing, parseKeyRing } from "@/lib/vault/key-ring";

const b64 = (bytes: number) => randomBytes(bytes).toString("base64");
const keyA = b64(32);
const keyB = b64(32);

function configError(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error("expected a ConfigError");
}

/** Asserts the error names the variable and contains no key material. */
function expectSafeError(run: () => unknown, variable: string, secrets: string[], pattern?: RegExp): void {
  const error = configError(run);
  expect(error.message).toContain(variable);
  if (pattern) expect(error.message).toMatch(pattern);
  for (const secret of secrets) {
    expect(error.message).not.toContain(secret);
    expect(error.message).not.toContain(secret.slice(0, 10));
  }
}

describe("master key ring", () => {
  it("parses ids and keys; the first key is active unless VAULT_ACTIVE_KEY_ID says otherwise", () => {
    const ring = parseKeyRing(` k1:${keyA} , k2:${keyB},`);
    expect(ring.active.id).toBe("k1");
    expect(ring.ids).toEqual(["k1", "k2"]);
    expect(Buffer.from(ring.get("k2")!.key).equals(Buffer.from(keyB, "base64"))).toBe(true);
    expect(ring.get("k3")).toBeUndefined();
    const rotated = parseKeyRing(`k1:${keyA},k2:${keyB}`, { activeId: "k2" });
    expect(rotated.active.id).toBe("k2");
    expect(rotated.ids).toEqual(["k2", "k1"]);
  });

  it("accepts URL-safe base64", () => {
    const key = randomBytes(32);
    expect(Buffer.from(parseKeyRing(`k_1-x:${key.toString("base64url")}`).active.key).equals(key)).toBe(true);
  });

  it("rejects a key that is not 32 bytes", () => {
    const short = b64(16);
    const long = b64(48);
    expectSafeError(() => parseKeyRing(`k1:${short}`), "VAULT_MASTER_KEYS", [short], /exactly 32 bytes/);
    expectSafeError(() => parseKeyRing(`k1:${keyA},k2:${long}`), "VAULT_MASTER_KEYS", [keyA, long], /"k2"/);
  });

  it("rejects bad ids, missing separators and non-base64 keys without echoing them", () => {
    expectSafeError(() => parseKeyRing(`bad id!:${keyA}`), "VAULT_MASTER_KEYS", [keyA], /entry 1 has an invalid key id/);
    expectSafeError(() => parseKeyRing(`${"x".repeat(33)}:${keyA}`), "VAULT_MASTER_KEYS", [keyA], /invalid key id/);
    expectSafeError(() => parseKeyRing(keyA), "VAULT_MASTER_KEYS", [keyA], /entry 1 is not keyId:base64/);
    expectSafeError(() => parseKeyRing(`k1:${keyA},k2:not base64 at all!`), "VAULT_MASTER_KEYS", [keyA, "not base64"]);
    expectSafeError(() => parseKeyRing(" , "), "VAULT_MASTER_KEYS", [], /no keys/);
  });

  it("rejects a duplicate id", () => {
    expectSafeError(() => parseKeyRing(`k1:${keyA},k1:${keyB}`), "VAULT_MASTER_KEYS", [keyA, keyB], /"k1" more than once/);
  });

  it("rejects an active id that is not in the ring", () => {
    expectSafeError(() => parseKeyRing(`k1:${keyA}`, { activeId: "k9" }), "VAULT_ACTIVE_KEY_ID", [keyA], /"k9" is not one of/);
    expectSafeError(() => loadKeyRing({ NODE_ENV: "development", VAULT_MASTER_KEYS: `k1:${keyA}`, VAULT_ACTIVE_KEY_ID: "k2", VAULT_DEV_KEY_FILE: "unused" }), "VAULT_ACTIVE_KEY_ID", [keyA]);
  });

  it("requires VAULT_MASTER_KEYS in production and never falls back to a key file there", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "latchkey-keyring-"));
    const file = path.join(dir, "key");
    expectSafeError(() => loadKeyRing({ NODE_ENV: "production", VAULT_MASTER_KEYS: undefined, VAULT_ACTIVE_KEY_ID: undefined, VAULT_DEV_KEY_FILE: file }), "VAULT_MASTER_KEYS", []);
    expect(() => readFileSync(file)).toThrow();
    expect(loadKeyRing({ NODE_ENV: "production", VAULT_MASTER_KEYS: `p1:${keyA}`, VAULT_ACTIVE_KEY_ID: undefined, VAULT_DEV_KEY_FILE: file }).active.id).toBe("p1");
  });
});

describe("development key file", () => {
  afterEach(() => setLogger(undefined));

  it("is created once with mode 0600, reused afterwards, and announced with one warning", () => {
    const lines: string[] = [];
    setLogger(createLogger({ level: "warn", destination: { write: (line: string) => void lines.push(line) } }));
    const dir = mkdtempSync(path.join(os.tmpdir(), "latchkey-devkey-"));
    const file = path.join(dir, "nested", "dev-master-key");

    const first = loadKeyRing({ NODE_ENV: "test", VAULT_MASTER_KEYS: undefined, VAULT_ACTIVE_KEY_ID: undefined, VAULT_DEV_KEY_FILE: file });
    expect(first.source).toBe("dev-file");
    expect(first.active.id).toMatch(/^dev-[0-9a-f]{8}$/);
    expect(first.active.key.length).toBe(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, "utf8")).toMatch(/^dev-[0-9a-f]{8}:[A-Za-z0-9+/]{43}=\n$/);

    const second = loadDevKeyRing(file);
    expect(second.active.id).toBe(first.active.id);
    expect(Buffer.from(second.active.key).equals(first.active.key)).toBe(true);

    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]!) as { level: string; msg: string };
    expect(entry.level).toBe("warn");
    expect(entry.msg).toContain(`using a development master key from ${file}; set VAULT_MASTER_KEYS in production`);
    expect(lines[0]).not.toContain(readFileSync(file, "utf8").split(":")[1]!.trim());
  });

  it("names the file when its content is invalid", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "latchkey-devkey-"));
    const file = path.join(dir, "dev-master-key");
    const short = b64(10);
    writeFileSync(file, `dev-1:${short}\n`, { mode: 0o600 });
    expectSafeError(() => loadDevKeyRing(file), "VAULT_DEV_KEY_FILE", [short]);
  });

  it("refuses VAULT_ACTIVE_KEY_ID without VAULT_MASTER_KEYS", () => {
    expectSafeError(() => loadKeyRing({ NODE_ENV: "development", VAULT_MASTER_KEYS: undefined, VAULT_ACTIVE_KEY_ID: "k1", VAULT_DEV_KEY_FILE: "unused" }), "VAULT_ACTIVE_KEY_ID", []);
  });
});
