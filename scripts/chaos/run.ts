// `npm run chaos`: crashes Latchkey app processes with SIGKILL at named fault points and checks what a
// restart recovers. Local addresses only (a sandbox and a fake Resend on 127.0.0.1), bounded (each process
// has a timeout; the whole run takes a few minutes).
//
// For every fault point (lib/runtime/fault-point.ts) and database: an app process sets the scene; a second
// one, with LATCHKEY_FAULT_POINT naming the point, drives the flow until it kills itself there; then a
// restarted one recovers (on PostgreSQL, two at once: two instances on one database) and the invariants are
// checked — no stored refresh token or secret lost, each workflow completed once, each email handed to the
// provider exactly once and recorded as sent, and a state the UI explains. Prints one table (fault ×
// expected × observed) and exits non-zero on a miss.
//
// Databases: a fresh embedded PGlite directory, and PostgreSQL when TEST_DATABASE_URL or DATABASE_URL is set
// (a database `latchkey_chaos` is dropped and made again next to the one named). CHAOS_ONLY=<point,...>
// and CHAOS_DATABASES=<pglite,postgresql> run a subset.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createSandbox } from "../../sandbox/server";
import { migrateDatabase } from "../../lib/db/migrate";

const APP_URL = "http://localhost:3999";
const PROCESS_TIMEOUT_MS = 240_000; // a recovery may wait out a dead sender's 75 s email lease
const ROOT = path.resolve(import.meta.dirname, "../..");

interface Observed {
  [key: string]: unknown;
}

interface Scenario {
  point: string;
  expected: string;
  /** Recovery runs in two instances at once on PostgreSQL, then `observe` (workflow scenarios). */
  twoInstances: boolean;
  check(observed: Observed, providerCount: number): boolean;
}

const SCENARIOS: Scenario[] = [
  {
    point: "workflow-mid-step",
    expected: "workflow completed once; 1 email sent and recorded SENT; paused state explained",
    twoInstances: true,
    check: (o, sent) => o.functionRuns === 1 && o.succeeded === 1 && o.unfinished === 0 && sent === 1 && JSON.stringify(o.emailRows) === '["SENT"]' && o.status === "QUARANTINED" && o.explained === true,
  },
  {
    point: "email-mid-send",
    expected: "workflow completed once; 1 email sent and recorded SENT; paused state explained",
    twoInstances: true,
    check: (o, sent) => o.functionRuns === 1 && o.succeeded === 1 && o.unfinished === 0 && sent === 1 && JSON.stringify(o.emailRows) === '["SENT"]' && o.status === "QUARANTINED" && o.explained === true,
  },
  {
    point: "lwa-answer-before-db-write",
    expected: "refresh token kept; a token served after restart; ACTIVE, no failure counted",
    twoInstances: false,
    check: (o) => o.refreshTokenKept === true && o.tokenServed === true && o.status === "ACTIVE" && o.consecutiveFailures === 0,
  },
  {
    point: "callback-mid-way",
    expected: "not connected; partner shown an unfinished attempt; starting again connects with a stored token",
    twoInstances: false,
    check: (o) => o.statusAfterCrash !== "ACTIVE" && o.shownUnfinished === true && o.reconnected === true && o.refreshTokenStored === true,
  },
  {
    point: "secret-stored-before-sqs-delete",
    expected: "new secret CURRENT; redelivery is a duplicate; queue empty",
    twoInstances: false,
    check: (o) => o.newSecretCurrent === true && o.queueEmpty === true && Array.isArray(o.redelivered) && o.redelivered.includes("duplicate"),
  },
];

/** Resend's POST /emails, counting what it accepted per recipient (an idempotency key it saw is not counted twice, as Resend does). */
async function startFakeResend() {
  const accepted = new Map<string, number>();
  const keys = new Set<string>();
  let counter = 0;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") as { to?: string | string[] };
      const key = request.headers["idempotency-key"];
      if (!(typeof key === "string" && keys.has(key))) {
        if (typeof key === "string") keys.add(key);
        for (const to of [body.to ?? []].flat()) accepted.set(to, (accepted.get(to) ?? 0) + 1);
      }
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ id: `chaos-${++counter}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, accepted, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

interface ProcessResult {
  signal: NodeJS.Signals | null;
  code: number | null;
  stdout: string;
  stderr: string;
}

function runAppProcess(env: NodeJS.ProcessEnv, args: string[]): Promise<ProcessResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/chaos/app-process.ts"), ...args], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), PROCESS_TIMEOUT_MS);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

function resultOf(run: ProcessResult, what: string): Observed {
  const line = run.stdout.split("\n").find((l) => l.startsWith("CHAOS-RESULT "));
  if (run.code !== 0 || !line) throw new Error(`${what} failed (exit ${run.code ?? run.signal}): ${run.stderr.trim().split("\n").slice(-5).join(" | ")}`);
  return JSON.parse(line.slice("CHAOS-RESULT ".length)) as Observed;
}

async function freshPostgres(given: string): Promise<string> {
  // Like libpq (and lib/db/adapter.ts), the OS account name when the URL names no user.
  const parsed = new URL(given);
  if (!parsed.username) parsed.username = os.userInfo().username;
  const url = parsed.toString();
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query("DROP DATABASE IF EXISTS latchkey_chaos WITH (FORCE)");
    await admin.query("CREATE DATABASE latchkey_chaos");
  } finally {
    await admin.end();
  }
  const chaos = new URL(url);
  chaos.pathname = "/latchkey_chaos";
  return chaos.toString();
}

interface Row {
  point: string;
  database: string;
  expected: string;
  observed: string;
  ok: boolean;
}

async function runScenario(scenario: Scenario, database: "pglite" | "postgresql", baseEnv: NodeJS.ProcessEnv, resend: Awaited<ReturnType<typeof startFakeResend>>): Promise<Row> {
  const row = { point: scenario.point, database, expected: scenario.expected };
  try {
    const state = resultOf(await runAppProcess(baseEnv, [scenario.point, "setup"]), "setup");
    const stateJson = JSON.stringify(state);
    const drive = await runAppProcess({ ...baseEnv, LATCHKEY_FAULT_POINT: scenario.point }, [scenario.point, "drive", stateJson]);
    if (drive.signal !== "SIGKILL" || !drive.stderr.includes(`latchkey-fault-point: ${scenario.point}`)) {
      const said = drive.stdout.split("\n").find((l) => l.startsWith("CHAOS-RESULT ")) ?? drive.stderr.trim().split("\n").slice(-3).join(" | ");
      return { ...row, observed: `fault point not reached (exit ${drive.code ?? drive.signal}): ${said}`, ok: false };
    }
    let observed: Observed;
    if (scenario.twoInstances) {
      const instances = database === "postgresql" ? 2 : 1;
      const recoveries = await Promise.all(Array.from({ length: instances }, () => runAppProcess(baseEnv, [scenario.point, "recover", stateJson])));
      recoveries.forEach((r, i) => resultOf(r, `recovery ${i + 1}`));
      observed = resultOf(await runAppProcess(baseEnv, [scenario.point, "observe", stateJson]), "observe");
    } else {
      observed = resultOf(await runAppProcess(baseEnv, [scenario.point, "recover", stateJson]), "recover");
    }
    const sent = typeof state.contactEmail === "string" ? (resend.accepted.get(state.contactEmail) ?? 0) : 0;
    const shown = typeof state.contactEmail === "string" ? { ...observed, providerAccepted: sent } : observed;
    return { ...row, observed: JSON.stringify(shown), ok: scenario.check(observed, sent) };
  } catch (error) {
    return { ...row, observed: error instanceof Error ? error.message : String(error), ok: false };
  }
}

function printTable(rows: Row[]): void {
  const header = ["fault", "database", "expected", "observed", "result"];
  const cells = rows.map((r) => [r.point, r.database, r.expected, r.observed, r.ok ? "survived" : "MISS"]);
  const widths = header.map((h, i) => Math.min(90, Math.max(h.length, ...cells.map((c) => c[i]!.length))));
  const line = (values: string[]) => values.map((v, i) => (v.length > widths[i]! ? v : v.padEnd(widths[i]!))).join(" | ");
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("-|-"));
  for (const c of cells) console.log(line(c));
}

async function main(): Promise<void> {
  const started = Date.now();
  const only = process.env.CHAOS_ONLY?.split(",").map((s) => s.trim());
  const scenarios = SCENARIOS.filter((s) => !only || only.includes(s.point));
  const work = mkdtempSync(path.join(os.tmpdir(), "latchkey-chaos-"));
  const sandbox = await createSandbox({ port: 0, redirectUris: [`${APP_URL}/api/oauth/callback`], loginUri: `${APP_URL}/appstore/login`, logRequests: false });
  const resend = await startFakeResend();
  const rows: Row[] = [];
  try {
    const pgUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
    const wanted = process.env.CHAOS_DATABASES?.split(",").map((s) => s.trim());
    const databases = (pgUrl ? (["pglite", "postgresql"] as const) : (["pglite"] as const)).filter((d) => !wanted || wanted.includes(d));
    for (const database of databases) {
      const dbEnv = database === "pglite" ? { PGLITE_DATA_DIR: path.join(work, "pglite"), DATABASE_URL: "" } : { DATABASE_URL: await freshPostgres(pgUrl!), PGLITE_DATA_DIR: "" };
      await migrateDatabase({ DATABASE_URL: dbEnv.DATABASE_URL || undefined, PGLITE_DATA_DIR: dbEnv.PGLITE_DATA_DIR });
      const baseEnv: NodeJS.ProcessEnv = {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_ENV: "test",
        LOG_LEVEL: "warn",
        ...dbEnv,
        AMAZON_ENDPOINTS: "sandbox",
        SANDBOX_URL: sandbox.url,
        APP_URL,
        AMAZON_HTTP_TIMEOUT_MS: "10000",
        LWA_CLIENT_ID: "amzn1.application-oa2-client.latchkeysandbox",
        LWA_CLIENT_SECRET: "amzn1.oa2-cs.v1.latchkey-sandbox-secret-0001",
        SPAPI_APPLICATION_ID: "amzn1.sp.solution.latchkey-sandbox",
        SPAPI_APP_NAME: "Latchkey Chaos",
        RESEND_API_KEY: "re_chaos_local_fake_key",
        RESEND_BASE_URL: resend.url,
        ADMIN_EMAILS: "chaos-admin@chaos.test",
        VAULT_DEV_KEY_FILE: path.join(work, `master-key-${database}`),
        AUTH_DEV_SECRET_FILE: path.join(work, "auth-secret"),
        SQS_VISIBILITY_TIMEOUT_SECONDS: "5",
      };
      await fetch(`${sandbox.url}/_sandbox/reset`, { method: "POST" });
      for (const scenario of scenarios) {
        const row = await runScenario(scenario, database, baseEnv, resend);
        console.error(`chaos: ${row.point} on ${row.database}: ${row.ok ? "survived" : "MISS"}`);
        rows.push(row);
      }
    }
  } finally {
    await resend.close();
    await sandbox.close();
    rmSync(work, { recursive: true, force: true });
  }
  printTable(rows);
  const misses = rows.filter((r) => !r.ok).length;
  console.log(`\n${rows.length - misses}/${rows.length} faults survived in ${Math.round((Date.now() - started) / 1000)} s${misses ? `; ${misses} missed` : ""}`);
  process.exit(misses ? 1 : 0);
}

await main();
