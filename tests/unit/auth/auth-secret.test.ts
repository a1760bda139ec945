import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { resolveAuthSecret } from "@/lib/auth/auth-secret";
import { ConfigError, parseEnv } from "@/lib/env";

const tempFile = () => path.join(mkdtempSync(path.join(os.tmpdir(), "latchkey-auth-secret-")), "nested", "auth-secret");

describe("resolveAuthSecret", () => {
  it("uses AUTH_SECRET when set", () => {
    const secret = "s".repeat(40);
    expect(resolveAuthSecret({ NODE_ENV: "production", AUTH_SECRET: secret, AUTH_DEV_SECRET_FILE: tempFile() })).toBe(secret);
  });

  it("refuses to start in production without AUTH_SECRET, naming the variable", () => {
    const attempt = () => resolveAuthSecret({ NODE_ENV: "production", AUTH_SECRET: undefined, AUTH_DEV_SECRET_FILE: tempFile() });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/AUTH_SECRET is required in production/);
  });

  it("creates a private development secret once and keeps using it", () => {
    const file = tempFile();
    const env = { NODE_ENV: "development" as const, AUTH_SECRET: undefined, AUTH_DEV_SECRET_FILE: file };
    const first = resolveAuthSecret(env);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(file, "utf8").trim()).toBe(first);
    expect(statSync(file).mode & 0o077).toBe(0);
    expect(resolveAuthSecret(env)).toBe(first);
  });

  it("rejects a development secret file that was truncated", () => {
    const file = tempFile();
    resolveAuthSecret({ NODE_ENV: "test", AUTH_SECRET: undefined, AUTH_DEV_SECRET_FILE: file });
    writeFileSync(file, "short\n");
    expect(() => resolveAuthSecret({ NODE_ENV: "test", AUTH_SECRET: undefined, AUTH_DEV_SECRET_FILE: file })).toThrow(/AUTH_DEV_SECRET_FILE/);
  });

  it("rejects a short AUTH_SECRET at parse time without printing it", () => {
    try {
      parseEnv({ AUTH_SECRET: "too-short-secret" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toContain("AUTH_SECRET");
      expect((error as Error).message).not.toContain("too-short-secret");
    }
  });
});
