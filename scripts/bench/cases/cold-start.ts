// Case 2: N concurrent requests for cold authorizations spread over two server processes must cause
// exactly one LWA refresh per authorization (single flight across processes through the database lease).
import type { NextServer } from "../next-servers";
import { lwaRefreshCalls } from "../sandbox-control";
import { renderTable } from "../table";

export interface ColdStartOutcome {
  table: string;
  lwaCalls: number;
  expected: number;
  failures: number;
  seconds: number;
  met: boolean;
}

export async function benchColdStart(options: {
  servers: NextServer[];
  apiKey: string;
  authorizationIds: string[];
  perAuthorization: number;
  sandboxUrl: string;
  /** SQL transactions committed in the database so far (all processes). */
  sqlCount: () => Promise<number>;
  log: (line: string) => void;
}): Promise<ColdStartOutcome> {
  const { servers, authorizationIds, perAuthorization } = options;
  // Requests interleaved: round r sends one request per authorization, alternating servers between rounds.
  const plan: { authorizationId: string; server: NextServer }[] = [];
  for (let round = 0; round < perAuthorization; round++) {
    authorizationIds.forEach((authorizationId, i) => plan.push({ authorizationId, server: servers[(i + round) % servers.length]! }));
  }
  const sqlBefore = await options.sqlCount();
  const before = await lwaRefreshCalls(options.sandboxUrl);
  options.log(`case 2: ${plan.length} concurrent requests for ${authorizationIds.length} cold authorizations over ${servers.length} servers`);
  const started = performance.now();
  const results = await Promise.all(
    plan.map(async ({ authorizationId, server }) => {
      const sent = performance.now();
      try {
        const response = await fetch(`${server.url}/api/v1/authorizations/${authorizationId}/access-token`, { method: "POST", headers: { authorization: `Bearer ${options.apiKey}` }, signal: AbortSignal.timeout(60_000) });
        const body = (await response.json()) as { accessToken?: string; error?: { code: string } };
        return { authorizationId, status: response.status, token: body.accessToken, code: body.error?.code, ms: performance.now() - sent };
      } catch (error) {
        return { authorizationId, status: 0, token: undefined, code: error instanceof Error ? error.name : "error", ms: performance.now() - sent };
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  // The servers' LWA calls are done once every answer is in; read the counter after.
  const lwaCalls = (await lwaRefreshCalls(options.sandboxUrl)) - before;
  const sql = Math.max(0, (await options.sqlCount()) - sqlBefore - 1);

  const failed = results.filter((r) => r.status !== 200);
  const tokensPer = new Map<string, Set<string>>();
  for (const r of results) if (r.token) (tokensPer.get(r.authorizationId) ?? tokensPer.set(r.authorizationId, new Set()).get(r.authorizationId)!).add(r.token);
  const maxDistinct = Math.max(0, ...[...tokensPer.values()].map((s) => s.size));
  const latencies = results.map((r) => r.ms).sort((a, b) => a - b);
  const codes = [...new Set(failed.map((f) => `${f.status} ${f.code ?? ""}`.trim()))].join(", ");
  const expected = authorizationIds.length;
  const met = lwaCalls === expected && failed.length === 0;

  const table = [
    renderTable(
      `Case 2 — cold start (${servers.length} server processes, ${expected} authorizations with empty caches, ${plan.length} concurrent requests)`,
      ["measure", "value", "goal", "verdict"],
      [
        ["LWA refresh_token calls", lwaCalls, `exactly ${expected}`, lwaCalls === expected ? "MET" : "MISSED"],
        ["failed requests", failed.length, "0", failed.length === 0 ? "MET" : `MISSED (${codes})`],
        ["distinct tokens per authorization (max)", maxDistinct, "1", maxDistinct <= 1 ? "ok" : "differs"],
        ["wall time (s)", seconds, "", ""],
        ["first response after (ms)", latencies[0] ?? Number.NaN, "", ""],
        ["request latency p50 (ms)", latencies[Math.floor(latencies.length / 2)] ?? Number.NaN, "", ""],
        ["request latency max (ms)", latencies.at(-1) ?? Number.NaN, "", ""],
        ["SQL statements by the servers (approx.)", sql, "", `${(sql / expected).toFixed(1)} per authorization, ${(sql / plan.length).toFixed(1)} per request`],
      ],
    ),
  ].join("\n");
  return { table, lwaCalls, expected, failures: failed.length, seconds, met };
}
