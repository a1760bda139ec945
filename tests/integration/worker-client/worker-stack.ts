// What a worker talks to in these tests: the Amazon sandbox, a fresh database with the app client, one
// connected sandbox seller, an API key, and Latchkey's /api/v1 route handlers over HTTP.
import type { Sandbox } from "@/sandbox/server";
import { createApiKey } from "@/lib/api-keys/manage-api-keys";
import { bootstrapAppClient } from "@/lib/app-client/bootstrap-app-client";
import { db } from "@/lib/db/client";
import { connectSeller } from "../../support/connect-seller";
import { setupTestDatabase, teardownTestDatabase } from "../../support/database";
import { SANDBOX_APP, sandboxControl, startSandboxForApp } from "../../support/sandbox-session";
import { startRouteServer, type RouteServer } from "./route-server";

export interface WorkerStack {
  sandbox: Sandbox;
  latchkey: RouteServer;
  seller: Awaited<ReturnType<typeof connectSeller>>;
  apiKey: string;
  /** The sandbox's regional SP-API endpoints, for a client in direct mode. */
  spapiEndpoints: { NA: string; EU: string; FE: string };
  close(): Promise<void>;
}

export async function startWorkerStack(key: { name: string; scopes?: string[] }): Promise<WorkerStack> {
  const sandbox = await startSandboxForApp();
  await setupTestDatabase();
  await sandboxControl(sandbox, "POST", "/config", { rateLimits: false });
  await bootstrapAppClient(SANDBOX_APP);
  const admin = await db.user.create({ data: { email: "admin@example.test", role: "ADMIN" } });
  const seller = await connectSeller(sandbox);
  const { apiKey } = await createApiKey(key, admin.id);
  const latchkey = await startRouteServer();
  return {
    sandbox,
    latchkey,
    seller,
    apiKey,
    spapiEndpoints: { NA: `${sandbox.url}/spapi/na`, EU: `${sandbox.url}/spapi/eu`, FE: `${sandbox.url}/spapi/fe` },
    close: async () => {
      await latchkey.close();
      await teardownTestDatabase();
      await sandbox.close();
    },
  };
}
