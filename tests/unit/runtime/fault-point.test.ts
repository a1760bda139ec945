// The chaos suite's crash switch: inert unless LATCHKEY_FAULT_POINT names the point, refused in production,
// and when armed the process really dies with SIGKILL at the point (a child process shows it).
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigError, parseEnv, resetServerEnvForTests } from "@/lib/env";
import { faultPoint } from "@/lib/runtime/fault-point";

const key = `k1:${Buffer.alloc(32, 7).toString("base64")}`;

afterEach(() => {
  delete process.env.LATCHKEY_FAULT_POINT;
  resetServerEnvForTests();
});

describe("fault points", () => {
  it("do nothing unless the variable names them", async () => {
    await expect(faultPoint("workflow-mid-step")).resolves.toBeUndefined();
    process.env.LATCHKEY_FAULT_POINT = "email-mid-send";
    resetServerEnvForTests();
    await expect(faultPoint("workflow-mid-step")).resolves.toBeUndefined();
  });

  it("are refused at boot in production, and accept only point-like names", () => {
    expect(() => parseEnv({ NODE_ENV: "production", VAULT_MASTER_KEYS: key, LATCHKEY_FAULT_POINT: "workflow-mid-step" })).toThrow(ConfigError);
    expect(() => parseEnv({ NODE_ENV: "production", VAULT_MASTER_KEYS: key, LATCHKEY_FAULT_POINT: "workflow-mid-step" })).toThrow(/LATCHKEY_FAULT_POINT .*refused in production/);
    expect(parseEnv({ NODE_ENV: "test", LATCHKEY_FAULT_POINT: "workflow-mid-step" }).LATCHKEY_FAULT_POINT).toBe("workflow-mid-step");
    expect(() => parseEnv({ LATCHKEY_FAULT_POINT: "rm -rf /" })).toThrow(/LATCHKEY_FAULT_POINT/);
  });

  it("kill the process with SIGKILL at the named point", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "latchkey-fault-"));
    const script = path.join(dir, "child.mts");
    writeFileSync(
      script,
      `import { faultPoint } from ${JSON.stringify(path.resolve("lib/runtime/fault-point.ts"))};\nawait faultPoint("workflow-mid-step");\nconsole.log("survived");\n`,
    );
    const child = spawnSync(process.execPath, ["--import", "tsx", script], {
      env: { ...process.env, NODE_ENV: "test", LATCHKEY_FAULT_POINT: "workflow-mid-step" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(child.signal).toBe("SIGKILL");
    expect(child.stdout).not.toContain("survived");
    expect(child.stderr).toContain("latchkey-fault-point: workflow-mid-step");
  });
});
