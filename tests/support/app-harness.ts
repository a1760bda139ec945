// The usual setting of an integration test of the app: a real sandbox over HTTP and a test database,
// both reset before every test, with the sandbox's app client bootstrapped.
import { afterAll, beforeAll, beforeEach } from "vitest";
import type { Sandbox } from "@/sandbox/server";
import { forgetApiKeysForTests } from "@/lib/api-keys/authenticate-api-key";
import { bootstrapAppClient } from "@/lib/app-client/bootstrap-app-client";
import { forgetAllMemoryTokens } from "@/lib/token-cache/token-cache";
import { resetDatabase, setupTestDatabase, teardownTestDatabase } from "./database";
import { SANDBOX_APP, sandboxControl, startSandboxForApp } from "./sandbox-session";

export interface AppHarness {
  readonly sandbox: Sandbox;
}

export function useAppWithSandbox(options: { rateLimits?: boolean } = {}): AppHarness {
  let sandbox: Sandbox | undefined;
  beforeAll(async () => {
    sandbox = await startSandboxForApp();
    await setupTestDatabase();
  });
  afterAll(async () => {
    await teardownTestDatabase();
    await sandbox?.close();
  });
  beforeEach(async () => {
    forgetAllMemoryTokens();
    forgetApiKeysForTests();
    await resetDatabase();
    await sandboxControl(sandbox!, "POST", "/reset");
    if (options.rateLimits === false) await sandboxControl(sandbox!, "POST", "/config", { rateLimits: false });
    await bootstrapAppClient(SANDBOX_APP);
  });
  return {
    get sandbox() {
      if (!sandbox) throw new Error("the sandbox starts in beforeAll");
      return sandbox;
    },
  };
}
