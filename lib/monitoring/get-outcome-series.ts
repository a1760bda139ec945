import "server-only";
// Chart data from the outcome buckets: per interval, SP-API calls by status class and LWA refreshes and
// their failures, overall or for one authorization. One grouped query; the buckets are already per minute.
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { LATCHKEY_OPERATIONS } from "./record-latchkey-call";

export const OUTCOME_RANGES = {
  "1h": { label: "Last hour", spanMs: 3_600_000, stepMs: 60_000 },
  "24h": { label: "Last 24 hours", spanMs: 24 * 3_600_000, stepMs: 15 * 60_000 },
  "7d": { label: "Last 7 days", spanMs: 7 * 24 * 3_600_000, stepMs: 2 * 3_600_000 },
} as const;

export type OutcomeRange = keyof typeof OUTCOME_RANGES;

export function isOutcomeRange(value: unknown): value is OutcomeRange {
  return typeof value === "string" && Object.hasOwn(OUTCOME_RANGES, value);
}

export interface OutcomePoint {
  /** Start of the interval (ISO). */
  t: string;
  calls: number;
  s401: number;
  s403: number;
  s429: number;
  s5xx: number;
  /** No answer from Amazon (network error or timeout). */
  network: number;
  refreshes: number;
  refreshFailures: number;
}

export interface OutcomeSeries {
  range: OutcomeRange;
  stepMs: number;
  points: OutcomePoint[];
  totals: Omit<OutcomePoint, "t">;
  /** Average SP-API latency over the range, in milliseconds (null without calls). */
  avgLatencyMs: number | null;
}

const EMPTY = (): Omit<OutcomePoint, "t"> => ({ calls: 0, s401: 0, s403: 0, s429: 0, s5xx: 0, network: 0, refreshes: 0, refreshFailures: 0 });

export async function getOutcomeSeries(options: { authorizationId?: string; range?: OutcomeRange; now?: Date } = {}): Promise<OutcomeSeries> {
  const range = options.range ?? "24h";
  const { spanMs, stepMs } = OUTCOME_RANGES[range];
  const now = options.now ?? new Date();
  const end = Math.floor(now.getTime() / stepMs) * stepMs + stepMs;
  const start = end - Math.ceil(spanMs / stepMs) * stepMs;
  const stepSeconds = stepMs / 1000;
  const scope = options.authorizationId ? Prisma.sql`AND "authorizationId" = ${options.authorizationId}` : Prisma.empty;
  const rows = await db.$queryRaw<{ slot: bigint; statusClass: string; refresh: boolean; count: bigint; latency: bigint }[]>`
    SELECT (floor(extract(epoch from "bucketStart") / ${stepSeconds}))::bigint AS "slot", "statusClass",
           ("operation" = ${LATCHKEY_OPERATIONS.lwaRefresh}) AS "refresh",
           SUM("count")::bigint AS "count", SUM("latencyMsSum")::bigint AS "latency"
    FROM "SpApiCallBucket"
    WHERE "bucketStart" >= ${new Date(start)} AND "bucketStart" < ${new Date(end)} ${scope}
    GROUP BY 1, 2, 3`;
  const points = new Map<number, OutcomePoint>();
  for (let t = start; t < end; t += stepMs) points.set(t, { t: new Date(t).toISOString(), ...EMPTY() });
  const totals = EMPTY();
  let latency = 0;
  for (const row of rows) {
    const point = points.get(Number(row.slot) * stepMs);
    if (!point) continue;
    const count = Number(row.count);
    const add = (key: keyof typeof totals) => {
      point[key] += count;
      totals[key] += count;
    };
    if (row.refresh) {
      add("refreshes");
      if (row.statusClass !== "2xx") add("refreshFailures");
      continue;
    }
    add("calls");
    latency += Number(row.latency);
    if (row.statusClass === "401") add("s401");
    else if (row.statusClass === "403") add("s403");
    else if (row.statusClass === "429") add("s429");
    else if (row.statusClass === "5xx") add("s5xx");
    else if (row.statusClass === "network") add("network");
  }
  return { range, stepMs, points: [...points.values()], totals, avgLatencyMs: totals.calls ? Math.round(latency / totals.calls) : null };
}

export interface FailingAuthorization {
  authorizationId: string;
  tenantId: string;
  tenantName: string;
  region: string;
  calls: number;
  failures: number;
  s401: number;
  s403: number;
}

/** The authorizations with the most failed SP-API calls (401, 403, 429, 5xx, no answer) in the range. */
export async function getTopFailingAuthorizations(options: { range?: OutcomeRange; now?: Date; limit?: number } = {}): Promise<FailingAuthorization[]> {
  const { spanMs } = OUTCOME_RANGES[options.range ?? "24h"];
  const since = new Date((options.now ?? new Date()).getTime() - spanMs);
  const rows = await db.$queryRaw<{ authorizationId: string; tenantId: string; tenantName: string; region: string; calls: bigint; failures: bigint; s401: bigint; s403: bigint }[]>`
    SELECT b."authorizationId", a."tenantId", t."name" AS "tenantName", a."region"::text AS "region",
           SUM(b."count")::bigint AS "calls",
           SUM(CASE WHEN b."statusClass" IN ('401', '403', '429', '5xx', 'network') THEN b."count" ELSE 0 END)::bigint AS "failures",
           SUM(CASE WHEN b."statusClass" = '401' THEN b."count" ELSE 0 END)::bigint AS "s401",
           SUM(CASE WHEN b."statusClass" = '403' THEN b."count" ELSE 0 END)::bigint AS "s403"
    FROM "SpApiCallBucket" b
    JOIN "Authorization" a ON a."id" = b."authorizationId"
    JOIN "Tenant" t ON t."id" = a."tenantId"
    WHERE b."bucketStart" >= ${since} AND b."operation" <> ${LATCHKEY_OPERATIONS.lwaRefresh}
    GROUP BY 1, 2, 3, 4
    HAVING SUM(CASE WHEN b."statusClass" IN ('401', '403', '429', '5xx', 'network') THEN b."count" ELSE 0 END) > 0
    ORDER BY "failures" DESC
    LIMIT ${options.limit ?? 10}`;
  return rows.map((r) => ({ ...r, calls: Number(r.calls), failures: Number(r.failures), s401: Number(r.s401), s403: Number(r.s403) }));
}
