// An operator's mistakes stop the app at boot with one line naming the variable, not a stack trace.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

function launch(script: "start" | "dev", env: Record<string, string>) {
  const run = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", `scripts/${script}.ts`], {
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", ...env } as unknown as NodeJS.ProcessEnv,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: run.status, stderr: run.stderr.trim(), stdout: run.stdout.trim() };
}

describe("configuration errors at boot", () => {
  it("refuses to start in production without master keys", () => {
    const run = launch("start", { NODE_ENV: "production", DATABASE_URL: "postgresql://127.0.0.1:5432/test" });
    expect(run.status).toBe(1);
    expect(run.stderr.split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(/^latchkey: Invalid configuration: VAULT_MASTER_KEYS is required in production/);
  });

  it("names a malformed DATABASE_URL without echoing it", () => {
    for (const script of ["start", "dev"] as const) {
      const run = launch(script, { DATABASE_URL: "mysql://admin:hunter2@db/latchkey" });
      expect(run.status).toBe(1);
      expect(run.stderr.split("\n")).toHaveLength(1);
      expect(run.stderr).toContain("DATABASE_URL must be a postgresql://");
      expect(run.stderr).not.toContain("hunter2");
    }
  });

  it("names a malformed master key ring without printing key material", () => {
    const run = launch("start", { NODE_ENV: "production", VAULT_MASTER_KEYS: "k1:dG9vLXNob3J0", DATABASE_URL: "postgresql://127.0.0.1:5432/test" });
    expect(run.status).toBe(1);
    expect(run.stderr.split("\n")).toHaveLength(1);
    expect(run.stderr).toContain("VAULT_MASTER_KEYS");
    expect(run.stderr).not.toContain("dG9vLXNob3J0");
  });

  it("refuses to start in production without an auth secret", () => {
    const key = `k1:${Buffer.alloc(32, 3).toString("base64")}`;
    const run = launch("start", { NODE_ENV: "production", VAULT_MASTER_KEYS: key, DATABASE_URL: "postgresql://127.0.0.1:5432/test" });
    expect(run.status).toBe(1);
    expect(run.stderr.split("\n")).toHaveLength(1);
    expect(run.stderr).toContain("AUTH_SECRET is required in production");
  });
});
