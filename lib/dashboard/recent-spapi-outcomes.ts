import "server-only";
import { db } from "@/lib/db/client";

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
  total: number;
  /** Calls by status class over the window, e.g. { "2xx": 120, "401": 3 }. */
  byStatus: Record<string, number>;
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
  for (const row of rows) byStatus[row.statusClass] = (byStatus[row.statusClass] ?? 0) + row.count;
  return { since, total: rows.reduce((sum, r) => sum + r.count, 0), byStatus, rows };
}
