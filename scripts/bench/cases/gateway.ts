// Case 5: the SP-API gateway's three figures (issue 14): its overhead on a cached-token call, 429
// prevention across two instances against the sandbox's enforced usage plan, and RDT economy.
import { db } from "../../../lib/db/client";
import { percentile, runLoad } from "../load";
import type { NextServer } from "../next-servers";
import { sandboxControl } from "../sandbox-control";
import { renderTable, type Cell } from "../table";

export const GATEWAY_OVERHEAD_GOAL = 1.2;
export const COMPLETED_GOAL = 0.95;
export const RDT_GOAL = 2;

const PARTICIPATIONS = "/sellers/v1/marketplaceParticipations";
const ORDER_PATH = "/orders/v0/orders/902-3159896-1390916";
const USER_AGENT = "LatchkeyBench/1.0 (Language=TypeScript; Platform=Node)";
/** getOrder's default usage plan (catalog): 0.5 requests per second, burst 30. */
const ORDER_PLAN = { rate: 0.5, burst: 30 };

export interface GatewayBenchOutcome {
  table: string;
  summary: string[];
  met: boolean;
}

interface Stats {
  spapi: { byOperation: Record<string, { total: number; byStatus: Record<string, number> }> };
}

const operationStats = async (sandboxUrl: string, operationId: string) =>
  (await sandboxControl<Stats>(sandboxUrl, "GET", "/stats")).spapi.byOperation[operationId] ?? { total: 0, byStatus: {} };

/** A bucket so large the limiter admits every request (its statement still runs on each one). */
async function unlimitedBucket(authorizationId: string, usagePlan: string): Promise<void> {
  const row = { rate: 1_000_000, burst: 1_000_000_000, tokens: 1_000_000_000, updatedAt: new Date() };
  await db.gatewayRateBucket.upsert({ where: { authorizationId_usagePlan: { authorizationId, usagePlan } }, create: { authorizationId, usagePlan, ...row }, update: row });
}

async function tokenApi(server: NextServer, apiKey: string, path: string, body?: unknown): Promise<Record<string, string>> {
  const response = await fetch(`${server.url}/api/v1/authorizations/${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`token API ${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as Record<string, string>;
}

/** `workers` loops for `seconds`, each sending one request at a time; returns the statuses seen. */
async function runWorkers(workers: number, seconds: number, send: (worker: number) => Promise<{ status: number; pauseMs: number }>): Promise<{ statuses: number[]; seconds: number }> {
  const statuses: number[] = [];
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      while (performance.now() < until) {
        const { status, pauseMs } = await send(worker);
        statuses.push(status);
        if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(pauseMs, Math.max(0, until - performance.now()))));
      }
    }),
  );
  return { statuses, seconds: (performance.now() - started) / 1000 };
}

export async function benchGateway(options: {
  servers: NextServer[];
  apiKey: string;
  sandboxUrl: string;
  /** Connected sellers, one per figure: overhead, 429 prevention through the gateway, its direct baseline, RDT economy. */
  authorizations: { overhead: string; shaped: string; direct: string; rdt: string };
  connections: number;
  seconds: number;
  rounds: number;
  /** Figure 5a alone (for profiling the gateway's hot path). */
  overheadOnly?: boolean;
  log: (line: string) => void;
}): Promise<GatewayBenchOutcome> {
  const { servers, apiKey, sandboxUrl, authorizations, log } = options;
  const server = servers[0]!;
  const auth = { authorization: `Bearer ${apiKey}` };
  const rows: Cell[][] = [];

  // 1. Overhead: gateway p50 vs (direct call p50 + ping p50), alternated.
  await unlimitedBucket(authorizations.overhead, "sellers.getMarketplaceParticipations");
  const { accessToken } = await tokenApi(server, apiKey, `${authorizations.overhead}/access-token`);
  const targets = {
    gateway: { url: `${server.url}/api/v1/spapi/${authorizations.overhead}${PARTICIPATIONS}`, method: "GET" as const, headers: auth },
    direct: { url: `${sandboxUrl}/spapi/na${PARTICIPATIONS}`, method: "GET" as const, headers: { "x-amz-access-token": accessToken!, "user-agent": USER_AGENT } },
    ping: { url: `${server.url}/api/v1/ping`, method: "GET" as const },
  };
  log(`case 5: overhead warm-up (${options.connections} connections)`);
  for (const target of Object.values(targets)) await runLoad({ ...target, label: "warm-up", connections: options.connections, seconds: 2 });
  const latencies: Record<keyof typeof targets, number[]> = { gateway: [], direct: [], ping: [] };
  let failures = 0;
  for (let round = 1; round <= options.rounds; round++) {
    for (const [label, target] of Object.entries(targets) as [keyof typeof targets, (typeof targets)[keyof typeof targets]][]) {
      log(`case 5: round ${round}, ${label}, ${options.connections} connections × ${options.seconds} s`);
      const result = await runLoad({ ...target, label, connections: options.connections, seconds: options.seconds });
      // One at a time: a fast target yields more samples than a spread's argument limit allows.
      for (const latency of result.latenciesMs) latencies[label].push(latency);
      failures += result.non2xx + result.errors;
    }
  }
  const p50 = (label: keyof typeof targets) => percentile([...latencies[label]].sort((a, b) => a - b), 50);
  const overhead = p50("gateway") / (p50("direct") + p50("ping"));
  const overheadMet = overhead <= GATEWAY_OVERHEAD_GOAL && failures === 0;
  rows.push(["overhead: gateway p50 ms", p50("gateway"), "", ""], ["overhead: direct + ping p50 ms", p50("direct") + p50("ping"), `${p50("direct").toFixed(2)} + ${p50("ping").toFixed(2)}`, ""]);
  const overheadLine = () =>
    `5a. gateway overhead p50 ${p50("gateway").toFixed(2)} ms vs direct ${p50("direct").toFixed(2)} + ping ${p50("ping").toFixed(2)} ms = ${overhead.toFixed(2)}× (goal ≤ ${GATEWAY_OVERHEAD_GOAL}×): ${overheadMet ? "MET" : "MISSED"}`;
  rows.push(["overhead ratio", overhead, `goal ≤ ${GATEWAY_OVERHEAD_GOAL}×${failures ? `, ${failures} failed` : ""}`, overheadMet ? "MET" : "MISSED"]);

  if (options.overheadOnly) {
    const table = renderTable("Case 5 — SP-API gateway overhead only (BENCH_GATEWAY_OVERHEAD_ONLY)", ["figure", "value", "detail", "goal"], rows);
    return { table, summary: [overheadLine()], met: overheadMet };
  }

  // 2. 429 prevention: 20 workers for 30 s on one seller's getOrder, usage plan enforced by the sandbox.
  await sandboxControl(sandboxUrl, "POST", "/config", { rateLimits: true });
  const workers = 20;
  const seconds = 30;
  log(`case 5: direct baseline, ${workers} workers × ${seconds} s calling Amazon (the sandbox) themselves`);
  const { restrictedDataToken } = await tokenApi(server, apiKey, `${authorizations.direct}/restricted-data-token`, { restrictedResources: [{ method: "GET", path: "/orders/v0/orders/{orderId}" }] });
  const directBefore = await operationStats(sandboxUrl, "getOrder");
  const direct = await runWorkers(workers, seconds, async () => {
    const response = await fetch(`${sandboxUrl}/spapi/na${ORDER_PATH}`, { headers: { "x-amz-access-token": restrictedDataToken!, "user-agent": USER_AGENT } });
    await response.arrayBuffer();
    // A plain client: a short pause after a 429, then again.
    return { status: response.status, pauseMs: response.status === 429 ? 250 : 0 };
  });
  const directAfter = await operationStats(sandboxUrl, "getOrder");
  const direct429 = (directAfter.byStatus["429"] ?? 0) - (directBefore.byStatus["429"] ?? 0);

  log(`case 5: through the gateway, ${workers} workers over ${servers.length} instances × ${seconds} s`);
  const before = await operationStats(sandboxUrl, "getOrder");
  const shaped = await runWorkers(workers, seconds, async (worker) => {
    const target = servers[worker % servers.length]!;
    const response = await fetch(`${target.url}/api/v1/spapi/${authorizations.shaped}${ORDER_PATH}`, { headers: auth });
    await response.arrayBuffer();
    return { status: response.status, pauseMs: response.status === 429 ? Number(response.headers.get("retry-after") ?? 1) * 1000 : 0 };
  });
  const after = await operationStats(sandboxUrl, "getOrder");
  const amazon429 = (after.byStatus["429"] ?? 0) - (before.byStatus["429"] ?? 0);
  const completed = shaped.statuses.filter((s) => s === 200).length;
  const allowed = Math.floor(ORDER_PLAN.burst + ORDER_PLAN.rate * shaped.seconds);
  const shareMet = amazon429 === 0 && completed >= COMPLETED_GOAL * allowed;
  rows.push(["429s at Amazon: gateway", amazon429, `direct baseline: ${direct429} of ${direct.statuses.length} calls`, amazon429 === 0 ? "MET" : "MISSED"]);
  rows.push(["completed through gateway", completed, `bucket allows ${allowed} in ${shaped.seconds.toFixed(1)} s (${((completed / allowed) * 100).toFixed(1)}%, goal ≥ ${COMPLETED_GOAL * 100}%)`, completed >= COMPLETED_GOAL * allowed ? "MET" : "MISSED"]);
  await sandboxControl(sandboxUrl, "POST", "/config", { rateLimits: false });

  // 3. RDT economy: 1,000 restricted calls for one authorization and resource shape, over both instances.
  await unlimitedBucket(authorizations.rdt, "ordersV0.getOrder");
  const rdtBefore = (await operationStats(sandboxUrl, "createRestrictedDataToken")).total;
  log("case 5: 1,000 restricted calls (getOrder) through the gateway, 500 per instance, 20 at a time");
  let sent = 0;
  const rdtStatuses: number[] = [];
  await Promise.all(
    Array.from({ length: 20 }, async (_, worker) => {
      while (sent < 1000) {
        sent += 1;
        const response = await fetch(`${servers[worker % servers.length]!.url}/api/v1/spapi/${authorizations.rdt}${ORDER_PATH}`, { headers: { ...auth, "x-latchkey-data-elements": "shippingAddress" } });
        await response.arrayBuffer();
        rdtStatuses.push(response.status);
      }
    }),
  );
  const rdtRequests = (await operationStats(sandboxUrl, "createRestrictedDataToken")).total - rdtBefore;
  const rdtOk = rdtStatuses.filter((s) => s === 200).length;
  const rdtMet = rdtRequests <= RDT_GOAL && rdtOk === 1000;
  rows.push(["RDT requests for 1,000 restricted calls", rdtRequests, `${rdtOk} answered 200; goal ≤ ${RDT_GOAL} (one per instance at most)`, rdtMet ? "MET" : "MISSED"]);

  const table = renderTable("Case 5 — SP-API gateway (two instances; sandbox usage plans enforced in the 429 runs only)", ["figure", "value", "detail", "goal"], rows);
  const summary = [
    overheadLine(),
    `5b. 429 prevention: ${amazon429} Amazon 429s through the gateway (direct baseline ${direct429}), ${completed}/${allowed} allowed calls completed: ${shareMet ? "MET" : "MISSED"}`,
    `5c. RDT economy: ${rdtRequests} RDT requests for 1,000 restricted calls (goal ≤ ${RDT_GOAL}): ${rdtMet ? "MET" : "MISSED"}`,
  ];
  return { table, summary, met: overheadMet && shareMet && rdtMet };
}
