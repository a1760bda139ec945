// The bench proper, imported once run.ts has pointed the environment at the bench database and the
// sandbox (Latchkey's modules read the environment on first use).
import type pg from "pg";
import { bootstrapAppClient } from "../../lib/app-client/bootstrap-app-client";
import { closeDb } from "../../lib/db/client";
import { migrateDatabase } from "../../lib/db/migrate";
import { buildIfStale } from "./build-if-stale";
import type { BenchCase } from "./bench-cases";
import { benchCachedToken } from "./cases/cached-token";
import { benchColdStart } from "./cases/cold-start";
import { benchDashboard } from "./cases/dashboard";
import { benchGateway } from "./cases/gateway";
import { benchRefreshSweep } from "./cases/refresh-sweep";
import { committedTransactions, openSeedPool } from "./bench-database";
import { startNextServer, type NextServer } from "./next-servers";
import { createSandboxSellers } from "./sandbox-control";
import { connectSelfAuthorized, createAdmin, createBenchApiKey } from "./seed";

export interface BenchSettings {
  databaseUrl: string;
  sandboxUrl: string;
  serverEnv: Record<string, string>;
  connections: number;
  seconds: number;
  rounds: number;
  coldAuthorizations: number;
  coldPerAuthorization: number;
  sweepSizes: number[];
  /** Which cases to run (BENCH_CASES). */
  cases: ReadonlySet<BenchCase>;
  dashboardSizes: [number, number];
  log(line: string): void;
  /** Registers something to undo at the end, even on failure (run in reverse order). */
  onCleanup(step: () => Promise<void>): void;
}

/** The sandbox's documented development app (sandbox/README.md). */
const SANDBOX_APP = {
  SPAPI_APPLICATION_ID: "amzn1.sp.solution.latchkey-sandbox",
  LWA_CLIENT_ID: "amzn1.application-oa2-client.latchkeysandbox",
  LWA_CLIENT_SECRET: "amzn1.oa2-cs.v1.latchkey-sandbox-secret-0001",
  SPAPI_APP_NAME: "Latchkey Bench",
  SPAPI_APP_DRAFT: true,
} as const;

export async function runBench(settings: BenchSettings): Promise<{ sections: string[]; summary: string[] }> {
  const { log } = settings;
  settings.onCleanup(() => closeDb());
  const pool: pg.Pool = openSeedPool(settings.databaseUrl);
  settings.onCleanup(() => pool.end());

  const applied = await migrateDatabase({ DATABASE_URL: settings.databaseUrl, PGLITE_DATA_DIR: "" });
  log(`database migrated (${applied.length} migrations)`);
  await bootstrapAppClient(SANDBOX_APP);
  const sections: string[] = [];
  const summary: string[] = [];

  // The dashboard case needs only the database: it runs first, on its own rows, and removes them after.
  if (settings.cases.has("dashboard")) {
    const case4 = await benchDashboard({ pool, sizes: settings.dashboardSizes, repeats: 30, log });
    sections.push(case4.table);
    summary.push(`4. dashboard table: worst 100k/1k ratio ${case4.worstRatio.toFixed(2)}× (${case4.worstLabel}; goal ≤ 2×): ${case4.met ? "MET" : "MISSED"}`);
  }
  // The sweep needs only the database and the sandbox: it runs before any build or server is started.
  if (settings.cases.has("sweep")) {
    const sweepSellers = await createSandboxSellers(settings.sandboxUrl, "A2BENCHSWEEP", 100);
    const case3 = await benchRefreshSweep({ pool, sellers: sweepSellers, sizes: settings.sweepSizes, batchSize: 500, concurrency: 16, sandboxUrl: settings.sandboxUrl, log });
    sections.push(case3.table);
    const largest = case3.runs.at(-1)!;
    summary.push(
      `3. sweep: ${largest.authorizations.toLocaleString("en-US")} authorizations in ${largest.seconds.toFixed(1)} s (${(largest.refreshed / largest.seconds).toFixed(0)}/s), ${(largest.statements / largest.authorizations).toFixed(3)} statements per authorization, worst ${case3.worstPerBatch.toFixed(1)} per batch of 500, ${case3.marginalPerBatch.toFixed(1)} per additional batch (goal ≤ ${case3.goalPerBatch}, constant): ${case3.met ? "MET" : "MISSED"}${case3.complete ? "" : " (not every authorization refreshed exactly once)"}`,
    );
  }
  if (!["token", "cold", "gateway"].some((name) => settings.cases.has(name as BenchCase))) return { sections, summary };

  const build = await buildIfStale(log);
  if (build.built) log(`built in ${build.seconds.toFixed(0)} s`);
  else log("production build is up to date");

  const servers: NextServer[] = [];
  for (const name of ["server-1", "server-2"]) {
    const server = await startNextServer(name, settings.serverEnv);
    settings.onCleanup(() => server.stop());
    servers.push(server);
    log(`${name}: next start on ${server.url} (pid ${server.pid})`);
  }

  log("seeding: admin, API key, sandbox sellers with real refresh tokens, self-authorizations");
  const admin = await createAdmin();
  const apiKey = await createBenchApiKey(admin);
  const [hot] = await connectSelfAuthorized(await createSandboxSellers(settings.sandboxUrl, "A2BENCHHOT", 1), admin, "Hot");
  const coldIds = settings.cases.has("cold") ? await connectSelfAuthorized(await createSandboxSellers(settings.sandboxUrl, "A2BENCHCOLD", settings.coldAuthorizations), admin, "Cold") : [];

  const sqlCount = () => committedTransactions(pool, settings.databaseUrl);

  if (settings.cases.has("token")) {
    const case1 = await benchCachedToken({ server: servers[0]!, apiKey, authorizationId: hot!, connections: settings.connections, seconds: settings.seconds, rounds: settings.rounds, sqlCount, log });
    sections.push(case1.table);
    summary.push(`1. cached token p50 ${case1.tokenP50.toFixed(2)} ms vs ping p50 ${case1.pingP50.toFixed(2)} ms = ${case1.ratio.toFixed(2)}× (goal ≤ 1.3×): ${case1.met ? "MET" : "MISSED"}`);
  }

  if (settings.cases.has("cold")) {
    // Both servers have served the token route (the hot authorization), so only the token caches are cold.
    for (const server of servers) {
      await fetch(`${server.url}/api/v1/authorizations/${hot}/access-token`, { method: "POST", headers: { authorization: `Bearer ${apiKey}` } });
    }
    const case2 = await benchColdStart({ servers, apiKey, authorizationIds: coldIds, perAuthorization: settings.coldPerAuthorization, sandboxUrl: settings.sandboxUrl, sqlCount, log });
    sections.push(case2.table);
    summary.push(`2. cold start: ${case2.lwaCalls} LWA refresh calls for ${case2.expected} authorizations (goal exactly ${case2.expected}), ${case2.failures} failures (goal 0), ${case2.seconds.toFixed(2)} s: ${case2.met ? "MET" : "MISSED"}`);
  }

  if (settings.cases.has("gateway")) {
    const [overhead, shaped, direct, rdt] = await connectSelfAuthorized(await createSandboxSellers(settings.sandboxUrl, "A2BENCHGATEWAY", 4), admin, "Gateway");
    const case5 = await benchGateway({ servers, apiKey, sandboxUrl: settings.sandboxUrl, authorizations: { overhead: overhead!, shaped: shaped!, direct: direct!, rdt: rdt! }, connections: settings.connections, seconds: settings.seconds, rounds: settings.rounds, overheadOnly: process.env.BENCH_GATEWAY_OVERHEAD_ONLY === "1", log });
    sections.push(case5.table);
    summary.push(...case5.summary);
  }
  return { sections, summary };
}
