import "server-only";
import { db } from "@/lib/db/client";
import type { OutcomesInput } from "./outcomes-schemas";


/** An outcome as Latchkey records it; `statusClass` overrides the one derived from `status` (the gateway's "refused"). */
export type RecordedOutcome = OutcomesInput["outcomes"][number] & { statusClass?: string };

export function statusClass(status: number): string {
  if (status === 0) return "network";
  if ([400, 401, 403, 404, 429].includes(status)) return String(status);
  if (status >= 500) return "5xx";
  if (status >= 400) return "4xx";
  return "2xx";
}

const MINUTE = 60_000;

/**
 * Adds SP-API call outcomes to per-minute buckets (one row per authorization, minute, operation and
 * status class), so storage stays bounded however many calls are made. Outcomes for authorizations the
 * caller may not act for are dropped by `allowed`.
 */
export async function recordOutcomes(input: { outcomes: RecordedOutcome[] }, allowed: (authorizationId: string) => Promise<boolean>): Promise<number> {
  const buckets = new Map<string, { authorizationId: string; bucketStart: Date; operation: string; statusClass: string; count: number; sum: number; max: number }>();
  const permitted = new Map<string, boolean>();
  for (const outcome of input.outcomes) {
    if (!permitted.has(outcome.authorizationId)) permitted.set(outcome.authorizationId, await allowed(outcome.authorizationId));
    if (!permitted.get(outcome.authorizationId)) continue;
    const at = outcome.at ? new Date(outcome.at) : new Date();
    const bucketStart = new Date(Math.floor(at.getTime() / MINUTE) * MINUTE);
    const cls = outcome.statusClass ?? statusClass(outcome.status);
    const key = `${outcome.authorizationId}|${bucketStart.toISOString()}|${outcome.operation}|${cls}`;
    const bucket = buckets.get(key) ?? { authorizationId: outcome.authorizationId, bucketStart, operation: outcome.operation, statusClass: cls, count: 0, sum: 0, max: 0 };
    bucket.count += 1;
    bucket.sum += outcome.latencyMs;
    bucket.max = Math.max(bucket.max, outcome.latencyMs);
    buckets.set(key, bucket);
  }
  // One statement for every bucket (the map already merged duplicates, so no row is affected twice).
  const rows = [...buckets.values()];
  if (rows.length > 0) {
    await db.$executeRaw`
      INSERT INTO "SpApiCallBucket" ("id", "authorizationId", "bucketStart", "operation", "statusClass", "count", "latencyMsSum", "latencyMsMax")
      SELECT * FROM unnest(${rows.map(() => crypto.randomUUID())}::text[], ${rows.map((b) => b.authorizationId)}::text[], ${rows.map((b) => b.bucketStart.toISOString())}::timestamp(3)[],
        ${rows.map((b) => b.operation)}::text[], ${rows.map((b) => b.statusClass)}::text[], ${rows.map((b) => b.count)}::int[], ${rows.map((b) => b.sum)}::int[], ${rows.map((b) => b.max)}::int[])
      ON CONFLICT ("authorizationId", "bucketStart", "operation", "statusClass") DO UPDATE SET
        "count" = "SpApiCallBucket"."count" + EXCLUDED."count",
        "latencyMsSum" = "SpApiCallBucket"."latencyMsSum" + EXCLUDED."latencyMsSum",
        "latencyMsMax" = GREATEST("SpApiCallBucket"."latencyMsMax", EXCLUDED."latencyMsMax")`;
  }
  return [...buckets.values()].reduce((sum, b) => sum + b.count, 0);
}

export async function tenantOfAuthorization(authorizationId: string): Promise<string | null> {
  return (await db.authorization.findUnique({ where: { id: authorizationId }, select: { tenantId: true } }))?.tenantId ?? null;
}
