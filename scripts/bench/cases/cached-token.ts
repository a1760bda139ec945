// Case 1: the cached token route against the trivial route on one server, same connections and
// duration, alternated so drift (JIT, GC, neighbours) hits both alike.
import { percentile, runLoad, type LoadResult } from "../load";
import type { NextServer } from "../next-servers";
import { renderTable, type Cell } from "../table";

export const TOKEN_P50_GOAL = 1.3;

export interface CachedTokenOutcome {
  table: string;
  ratio: number;
  met: boolean;
  tokenP50: number;
  pingP50: number;
  failures: number;
}

export async function benchCachedToken(options: {
  server: NextServer;
  apiKey: string;
  authorizationId: string;
  connections: number;
  seconds: number;
  rounds: number;
  /** SQL transactions committed in the database so far (all processes). */
  sqlCount: () => Promise<number>;
  log: (line: string) => void;
}): Promise<CachedTokenOutcome> {
  const { server, connections, seconds } = options;
  const token = { url: `${server.url}/api/v1/authorizations/${options.authorizationId}/access-token`, method: "POST" as const, headers: { authorization: `Bearer ${options.apiKey}` } };
  const ping = { url: `${server.url}/api/v1/ping`, method: "GET" as const };

  options.log(`case 1: warming up (${connections} connections, 2 s per route)`);
  await runLoad({ ...token, label: "warm-up", connections, seconds: 2 });
  await runLoad({ ...ping, label: "warm-up", connections, seconds: 2 });

  const runs: (LoadResult & { sql: number })[] = [];
  for (let round = 1; round <= options.rounds; round++) {
    for (const [label, target] of [
      ["token", token],
      ["ping", ping],
    ] as const) {
      options.log(`case 1: round ${round}, ${label} route, ${connections} connections × ${seconds} s`);
      const sqlBefore = await options.sqlCount();
      const result = await runLoad({ ...target, label: `${label}#${round}`, connections, seconds });
      // The counter's own query is one transaction too.
      runs.push({ ...result, sql: Math.max(0, (await options.sqlCount()) - sqlBefore - 1) });
    }
  }

  const combine = (prefix: string) => {
    const mine = runs.filter((r) => r.label.startsWith(prefix));
    const latencies = mine.flatMap((r) => r.latenciesMs).sort((a, b) => a - b);
    const requests = mine.reduce((sum, r) => sum + r.requests, 0);
    const secondsTotal = mine.reduce((sum, r) => sum + r.seconds, 0);
    return { requests, perSecond: requests / secondsTotal, p50: percentile(latencies, 50), p99: percentile(latencies, 99), non2xx: mine.reduce((s, r) => s + r.non2xx, 0), errors: mine.reduce((s, r) => s + r.errors, 0), sql: mine.reduce((s, r) => s + r.sql, 0) };
  };
  type Row = { requests: number; perSecond: number; p50: number; p99: number; non2xx: number; errors: number; sql: number };
  const row = (label: string, r: Row): Cell[] => [label, r.requests, r.perSecond, r.p50, r.p99, r.non2xx, r.errors, r.sql, (r.sql / Math.max(1, r.requests)) * 1000];

  const rows: Cell[][] = runs.map((r) => {
    const sorted = [...r.latenciesMs].sort((a, b) => a - b);
    const [route, round] = r.label.split("#");
    return row(`${route === "token" ? "POST access-token" : "GET ping"} (round ${round})`, { ...r, p50: percentile(sorted, 50), p99: percentile(sorted, 99) });
  });
  const tokenAll = combine("token");
  const pingAll = combine("ping");
  rows.push(row("POST access-token (all rounds)", tokenAll), row("GET ping (all rounds)", pingAll));
  const ratio = tokenAll.p50 / pingAll.p50;
  const failures = tokenAll.non2xx + tokenAll.errors + pingAll.non2xx + pingAll.errors;
  const met = ratio <= TOKEN_P50_GOAL && failures === 0;
  const table = [
    renderTable(`Case 1 — cached token route vs trivial route (one server, ${connections} connections, ${seconds} s per run, ${options.rounds} alternations)`, ["route", "2xx", "req/s", "p50 ms", "p99 ms", "non-2xx", "errors", "SQL stmts", "SQL per 1k req"], rows),
    "SQL stmts: transactions the server committed during the run (pg_stat_database; every statement there is its own transaction).",
    `token p50 / ping p50 = ${ratio.toFixed(2)}× (goal ≤ ${TOKEN_P50_GOAL}×): ${ratio <= TOKEN_P50_GOAL ? "MET" : "MISSED"}${failures ? `; ${failures} failed requests` : ""}`,
  ].join("\n");
  return { table, ratio, met, tokenP50: tokenAll.p50, pingP50: pingAll.p50, failures };
}
