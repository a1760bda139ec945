// `npm run bench`: a benchmark of the token service against real processes on this machine (not a test).
// PostgreSQL (BENCH_DATABASE_URL, recreated each run), the Amazon sandbox in this process, and `next start`
// server processes on a production build. Prints one table per case and a summary; exits 0 when a goal
// is missed (it says MISSED) and non-zero only when the bench itself failed.
//
// Knobs: BENCH_DATABASE_URL, BENCH_SECONDS (10), BENCH_CONNECTIONS (10), BENCH_ROUNDS (2),
// BENCH_SWEEP_SIZES ("1000,5000,10000"), BENCH_CASES ("token,cold,sweep,dashboard,gateway": which cases to run),
// BENCH_DASHBOARD_SIZES ("1000,100000"), BENCH_CPU_PROF_DIR (a folder: each `next start` writes a V8 CPU profile
// there when it stops, for Chrome DevTools or speedscope), BENCH_GATEWAY_OVERHEAD_ONLY=1 (case 5's overhead figure alone).
import { randomBytes } from "node:crypto";
import os from "node:os";
import { createSandbox } from "../../sandbox/server";
import { BENCH_CASES, type BenchCase } from "./bench-cases";
import { BenchSetupError, DEFAULT_BENCH_DATABASE_URL, recreateDatabase } from "./bench-database";
import { freePort } from "./next-servers";
import { installStatementCounter } from "./statement-counter";

installStatementCounter();

const cleanups: (() => Promise<void>)[] = [];
const started = performance.now();
const log = (line: string) => console.log(`[bench ${((performance.now() - started) / 1000).toFixed(1).padStart(5)} s] ${line}`);

async function cleanup(): Promise<void> {
  while (cleanups.length) {
    const step = cleanups.pop()!;
    await step().catch((error: unknown) => console.error(`bench: cleanup step failed: ${error instanceof Error ? error.message : String(error)}`));
  }
}

function numberList(name: string, value: string | undefined, fallback: number[]): number[] {
  if (!value) return fallback;
  const list = value.split(",").map((v) => Number(v.trim()));
  if (list.some((n) => !Number.isInteger(n) || n <= 0)) throw new BenchSetupError(`${name} must be positive integers, e.g. ${fallback.join(",")}`);
  return list.sort((a, b) => a - b);
}

function caseList(value: string | undefined): Set<BenchCase> {
  if (!value) return new Set(BENCH_CASES);
  const list = value.split(",").map((v) => v.trim());
  const unknown = list.filter((v) => !(BENCH_CASES as readonly string[]).includes(v));
  if (unknown.length || list.length === 0) throw new BenchSetupError(`BENCH_CASES must be a comma-separated subset of ${BENCH_CASES.join(",")}`);
  return new Set(list as BenchCase[]);
}

async function main(): Promise<void> {
  const databaseUrl = process.env.BENCH_DATABASE_URL || DEFAULT_BENCH_DATABASE_URL;
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
  const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
  const sweepSizes = numberList("BENCH_SWEEP_SIZES", process.env.BENCH_SWEEP_SIZES, [1000, 5000, 10000]);
  const dashboardSizes = numberList("BENCH_DASHBOARD_SIZES", process.env.BENCH_DASHBOARD_SIZES, [1000, 100_000]);
  if (dashboardSizes.length !== 2) throw new BenchSetupError("BENCH_DASHBOARD_SIZES must be two sizes, e.g. 1000,100000");
  const cases = caseList(process.env.BENCH_CASES);

  const loadBefore = os.loadavg()[0]!;
  await recreateDatabase(databaseUrl);
  log(`PostgreSQL database ${new URL(databaseUrl).pathname.slice(1)} recreated`);

  const appUrl = `http://127.0.0.1:${await freePort()}`;
  const sandbox = await createSandbox({ port: 0, rateLimits: false, redirectUris: [`${appUrl}/api/oauth/callback`], loginUri: `${appUrl}/appstore/login`, logRequests: false });
  cleanups.push(() => sandbox.close());
  log(`sandbox on ${sandbox.url} (rate limits off)`);

  // One generated master key for the bench process and every server, so all can read each other's rows.
  const shared = {
    DATABASE_URL: databaseUrl,
    AMAZON_ENDPOINTS: "sandbox",
    SANDBOX_URL: sandbox.url,
    VAULT_MASTER_KEYS: `bench-${randomBytes(4).toString("hex")}:${randomBytes(32).toString("base64")}`,
    LOG_LEVEL: "warn",
    APP_URL: appUrl,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  Object.assign(process.env, shared);
  delete process.env.VAULT_ACTIVE_KEY_ID;
  const serverEnv = { ...shared, NODE_ENV: "production", AUTH_SECRET: randomBytes(32).toString("base64") };

  const { runBench } = await import("./bench-app");
  const { sections, summary } = await runBench({
    databaseUrl,
    sandboxUrl: sandbox.url,
    serverEnv,
    connections,
    seconds,
    rounds,
    coldAuthorizations: 100,
    coldPerAuthorization: 10,
    sweepSizes,
    cases,
    dashboardSizes: [dashboardSizes[0]!, dashboardSizes[1]!],
    log,
    onCleanup: (step) => cleanups.push(step),
  });
  console.log("");
  for (const section of sections) console.log(`${section}\n`);
  console.log("Summary");
  for (const line of summary) console.log(`  ${line}`);
  console.log(
    `  total bench time ${((performance.now() - started) / 1000).toFixed(0)} s on ${os.availableParallelism()} cores; 1-min load average ${loadBefore.toFixed(2)} before, ${os.loadavg()[0]!.toFixed(2)} after (other work on this machine skews the numbers)`,
  );
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.error(`bench: ${signal}, stopping servers`);
    void cleanup().finally(() => process.exit(130));
  });
}

main()
  .then(cleanup)
  .then(() => process.exit(0))
  .catch(async (error: unknown) => {
    await cleanup();
    if (error instanceof BenchSetupError) console.error(`bench: ${error.message}`);
    else console.error(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  });
