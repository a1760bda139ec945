// Case 3: the refresh-ahead sweep over growing numbers of authorizations, in this process, counting SQL
// statements: their number per batch must stay the same however many batches (≤ 20 per batch of 500).
import type pg from "pg";
import { sweepRefreshAhead } from "../../../lib/tokens/sweep-refresh-ahead";
import { forgetAllMemoryTokens } from "../../../lib/token-cache/token-cache";
import { clearDataKeyCache } from "../../../lib/vault";
import { lwaRefreshCalls, type SandboxSeller } from "../sandbox-control";
import { dropSweepTokenCache, insertSweepAuthorizations } from "../seed";
import { statementCount } from "../statement-counter";
import { renderTable, type Cell } from "../table";

/** Issue 13 §3: at most this many SQL statements per batch of 500, whatever the number of batches. */
const GOAL_PER_BATCH = 20;

export interface SweepRun {
  authorizations: number;
  batches: number;
  refreshed: number;
  failed: number;
  lwaCalls: number;
  seconds: number;
  statements: number;
}

export async function benchRefreshSweep(options: { pool: pg.Pool; sellers: SandboxSeller[]; sizes: number[]; batchSize: number; concurrency: number; sandboxUrl: string; log: (line: string) => void }): Promise<{ table: string; runs: SweepRun[]; met: boolean; complete: boolean; worstPerBatch: number; marginalPerBatch: number; goalPerBatch: number }> {
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
  // Statements per batch must not grow with the batch's rows: the same for every size, and ≤ GOAL_PER_BATCH.
  const perBatch = runs.map((r) => r.statements / Math.max(1, r.batches));
  const worstPerBatch = Math.max(...perBatch);
  // What one more batch costs, between the smallest and the largest run (the fixed part, e.g. the last empty
  // batch query, drops out): this is the per-batch number that must not depend on the batch's rows.
  const first = runs[0]!;
  const last = runs.at(-1)!;
  const marginal = last.batches > first.batches ? (last.statements - first.statements) / (last.batches - first.batches) : perBatch[0]!;
  const complete = runs.every((r) => r.refreshed === r.authorizations && r.failed === 0 && r.lwaCalls === r.authorizations);
  const constant = perBatch.every((v) => v <= perBatch[0]! + 1);
  const withinGoal = worstPerBatch <= GOAL_PER_BATCH && marginal <= GOAL_PER_BATCH;
  const table = [
    renderTable(
      `Case 3 — refresh-ahead sweep (batchSize ${options.batchSize}, concurrency ${options.concurrency}; no cached tokens, lastUsedAt = now)`,
      ["authorizations", "batches", "refreshed", "failed", "LWA calls", "time s", "auth/s", "SQL statements", "stmts/auth", "stmts/batch"],
      rows,
    ),
    `statements per batch of ${options.batchSize} ${perBatch.map((v) => v.toFixed(1)).join(" / ")} (${constant ? "constant: not growing with batches" : "GROWING"}), ${marginal.toFixed(1)} per additional batch, worst ${worstPerBatch.toFixed(1)} (goal ≤ ${GOAL_PER_BATCH}): ${constant && withinGoal ? "MET" : "MISSED"}; every authorization refreshed exactly once: ${complete ? "yes" : "NO"}`,
  ].join("\n");
  return { table, runs, met: complete && constant && withinGoal, complete, worstPerBatch, marginalPerBatch: marginal, goalPerBatch: GOAL_PER_BATCH };
}
