// Case 3: the refresh-ahead sweep over growing numbers of authorizations, in this process, counting SQL
// statements, so their growth per batch and per authorization is visible.
import type pg from "pg";
import { sweepRefreshAhead } from "../../../lib/tokens/sweep-refresh-ahead";
import { forgetAllMemoryTokens } from "../../../lib/token-cache/token-cache";
import { clearDataKeyCache } from "../../../lib/vault";
import { lwaRefreshCalls, type SandboxSeller } from "../sandbox-control";
import { dropSweepTokenCache, insertSweepAuthorizations } from "../seed";
import { statementCount } from "../statement-counter";
import { renderTable, type Cell } from "../table";

export interface SweepRun {
  authorizations: number;
  batches: number;
  refreshed: number;
  failed: number;
  lwaCalls: number;
  seconds: number;
  statements: number;
}

export async function benchRefreshSweep(options: { pool: pg.Pool; sellers: SandboxSeller[]; sizes: number[]; batchSize: number; concurrency: number; sandboxUrl: string; log: (line: string) => void }): Promise<{ table: string; runs: SweepRun[]; met: boolean }> {
  const runs: SweepRun[] = [];
  let inserted = 0;
  for (const size of options.sizes) {
    options.log(`case 3: seeding ${size - inserted} more authorizations (bulk SQL, refresh tokens sealed per tenant)`);
    await insertSweepAuthorizations(options.pool, inserted, size, options.sellers);
    inserted = size;
    await dropSweepTokenCache(options.pool);
    // Start each sweep as a fresh process would: no tokens or data keys in memory.
    forgetAllMemoryTokens();
    clearDataKeyCache();
    options.log(`case 3: sweepRefreshAhead({ batchSize: ${options.batchSize}, concurrency: ${options.concurrency} }) over ${size} authorizations`);
    const lwaBefore = await lwaRefreshCalls(options.sandboxUrl);
    const statementsBefore = statementCount();
    const started = performance.now();
    const result = await sweepRefreshAhead({ batchSize: options.batchSize, concurrency: options.concurrency });
    const seconds = (performance.now() - started) / 1000;
    const statements = statementCount() - statementsBefore;
    runs.push({ authorizations: size, batches: result.batches, refreshed: result.refreshed, failed: result.failed, lwaCalls: (await lwaRefreshCalls(options.sandboxUrl)) - lwaBefore, seconds, statements });
  }

  const rows: Cell[][] = runs.map((r) => [r.authorizations, r.batches, r.refreshed, r.failed, r.lwaCalls, r.seconds, r.refreshed / r.seconds, r.statements, r.statements / r.authorizations, r.statements / Math.max(1, r.batches)]);
  const perAuth = runs.map((r) => r.statements / r.authorizations);
  const spread = Math.max(...perAuth) - Math.min(...perAuth);
  const complete = runs.every((r) => r.refreshed === r.authorizations && r.failed === 0 && r.lwaCalls === r.authorizations);
  const linear = spread <= 0.5;
  const table = [
    renderTable(
      `Case 3 — refresh-ahead sweep (batchSize ${options.batchSize}, concurrency ${options.concurrency}; no cached tokens, lastUsedAt = now)`,
      ["authorizations", "batches", "refreshed", "failed", "LWA calls", "time s", "auth/s", "SQL statements", "stmts/auth", "stmts/batch"],
      rows,
    ),
    `statements per authorization ${perAuth.map((v) => v.toFixed(2)).join(" / ")}: ${linear ? "constant, so statements grow linearly with batches" : "NOT constant (grows faster than linear)"}; every authorization refreshed exactly once: ${complete ? "yes" : "NO"}`,
  ].join("\n");
  return { table, runs, met: complete && linear };
}
