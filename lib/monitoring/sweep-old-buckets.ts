import "server-only";
// Bounded storage: outcome buckets older than MONITORING_RETENTION_DAYS are deleted, and resolved alerts
// (with their deliveries) a year after they resolved. Idempotent; the lead schedules it as a daily cron.
import { db } from "@/lib/db/client";
import { readServerEnv } from "@/lib/env";

const ALERT_RETENTION_MS = 365 * 86_400_000;

export async function sweepMonitoringData({ now = new Date() }: { now?: Date } = {}): Promise<{ buckets: number; alerts: number }> {
  const cutoff = new Date(now.getTime() - readServerEnv().MONITORING_RETENTION_DAYS * 86_400_000);
  const buckets = await db.spApiCallBucket.deleteMany({ where: { bucketStart: { lt: cutoff } } });
  const alerts = await db.alert.deleteMany({ where: { state: "RESOLVED", resolvedAt: { lt: new Date(now.getTime() - ALERT_RETENTION_MS) } } });
  return { buckets: buckets.count, alerts: alerts.count };
}
