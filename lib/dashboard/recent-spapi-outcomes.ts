import "server-only";
import { db } from "@/lib/db/client";
import { LATCHKEY_OPERATIONS } from "@/lib/monitoring/record-latchkey-call";

export interface OutcomeSummaryRow {
  operation: string;
  statusClass: string;
  count: number;
  averageLatencyMs: number;
  maxLatencyMs: number;
  lastMinute: Date;
}

export interface RecentOutcomes {
  since: Date;
  /** SP-API calls over the window: the same count as the "SP-API calls" tile (token refreshes are not SP-API calls). */
  total: number;
  /** SP-API calls by status class over the window, e.g. { "2xx": 120, "401": 3 }. */
  byStatus: Record<string, number>;
  /** LWA token refreshes over the window, and how many of them failed. */
  refreshes: { total: number; failed: number };
  /** One row per operation and status class, the LWA refresh included (it is labelled as such). */
  rows: OutcomeSummaryRow[];
}

export const RECENT_OUTCOMES_HOURS = 24;

/** SP-API outcomes of one authorization over the last day, from the per-minute buckets (bounded: one row per operation and status class). */
export async function getRecentSpApiOutcomes(authorizationId: string, now = new Date()): Promise<RecentOutcomes> {
  const since = new Date(now.getTime() - RECENT_OUTCOMES_HOURS * 3_600_000);
  const groups = await db.spApiCallBucket.groupBy({
    by: ["operation", "statusClass"],
    where: { authorizationId, bucketStart: { gte: since } },
    _sum: { count: true, latencyMsSum: true },
    _max: { latencyMsMax: true, bucketStart: true },
    orderBy: [{ operation: "asc" }, { statusClass: "asc" }],
  });
  const rows = groups.map((g) => {
    const count = g._sum.count ?? 0;
    return {
      operation: g.operation,
      statusClass: g.statusClass,
      count,
      averageLatencyMs: count ? Math.round((g._sum.latencyMsSum ?? 0) / count) : 0,
      maxLatencyMs: g._max.latencyMsMax ?? 0,
      lastMinute: g._max.bucketStart ?? since,
    };
  });
  const byStatus: Record<string, number> = {};
  const refreshes = { total: 0, failed: 0 };
  let total = 0;
  for (const row of rows) {
    if (row.operation === LATCHKEY_OPERATIONS.lwaRefresh) {
      refreshes.total += row.count;
      if (row.statusClass !== "2xx") refreshes.failed += row.count;
      continue;
    }
    total += row.count;
    byStatus[row.statusClass] = (byStatus[row.statusClass] ?? 0) + row.count;
  }
  return { since, total, byStatus, refreshes, rows };
}
