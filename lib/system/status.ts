import "server-only";
import { db, databaseKind } from "@/lib/db/client";
import { readServerEnv } from "@/lib/env";

export interface SystemStatus {
  ok: boolean;
  database: { kind: "postgresql" | "pglite"; reachable: boolean };
  amazon: { endpoints: "amazon" | "sandbox"; lwaHost: string };
  appClientConfigured: boolean;
}

/** What an operator needs to know at a glance; no secrets, no hostnames beyond Amazon's. */
export async function getSystemStatus(): Promise<SystemStatus> {
  const env = readServerEnv();
  let reachable = true;
  let appClientConfigured = false;
  try {
    appClientConfigured = (await db.appClient.count()) > 0;
  } catch {
    reachable = false;
  }
  return {
    ok: reachable,
    database: { kind: databaseKind(), reachable },
    amazon: { endpoints: env.AMAZON_ENDPOINTS, lwaHost: new URL(env.amazon.lwaTokenUrl).host },
    appClientConfigured,
  };
}
