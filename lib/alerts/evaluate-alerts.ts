import "server-only";
// The alert engine: one idempotent pass over every rule. A condition that appears opens one alert per
// (rule, subject) and notifies once; while it lasts, later passes only refresh the open alert; when it
// clears, the alert resolves and the resolution is notified once. Failed notifications are retried with
// backoff at the end of each pass (retryAlertDeliveries). Safe to run from any number of
// schedulers at once (the unique `openKey` and the claimed deliveries decide every race).
// Scheduled by the lead as an Inngest cron; tests call it directly.
import { db } from "@/lib/db/client";
import { Prisma, type Alert } from "@/lib/generated/prisma/client";
import { logger, redact } from "@/lib/log";
import { notifyAlert, retryAlertDeliveries } from "./notify-alert";
import { ALERT_RULES, RULE_FINDERS, type AlertRule, type Finding } from "./rules";
import { readAlertSettings } from "./settings";

export interface AlertEvaluation {
  fired: { id: string; rule: AlertRule; subject: string }[];
  resolved: { id: string; rule: AlertRule; subject: string }[];
  open: number;
  notified: number;
  /** Earlier notifications that failed (or were interrupted) and were sent again in this pass. */
  retried: number;
}

const RESOLVED_NOTIFY_GRACE_MS = 24 * 3_600_000;

function openKeyOf(rule: AlertRule, subject: string): string {
  return `${rule}|${subject}`;
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

async function openOrRefresh(rule: AlertRule, finding: Finding, now: Date, existing: Alert | undefined): Promise<Alert | null> {
  const details = (redact(finding.details) ?? {}) as Prisma.InputJsonValue;
  const content = { title: finding.title, message: finding.message, details, lastSeenAt: now };
  if (existing) {
    await db.alert.update({ where: { id: existing.id }, data: content });
    return null;
  }
  try {
    return await db.alert.create({
      data: {
        rule,
        subject: finding.subject,
        openKey: openKeyOf(rule, finding.subject),
        tenantId: finding.tenantId ?? null,
        authorizationId: finding.authorizationId ?? null,
        firedAt: now,
        ...content,
      },
    });
  } catch (error) {
    // Another evaluator opened it first: refresh theirs.
    if (!isUniqueViolation(error)) throw error;
    await db.alert.update({ where: { openKey: openKeyOf(rule, finding.subject) }, data: content });
    return null;
  }
}

/** Runs every alert rule once at `now`. Idempotent: a second run at the same `now` changes nothing. */
export async function evaluateAlerts({ now = new Date() }: { now?: Date } = {}): Promise<AlertEvaluation> {
  const settings = readAlertSettings();
  const result: AlertEvaluation = { fired: [], resolved: [], open: 0, notified: 0, retried: 0 };
  for (const rule of ALERT_RULES) {
    let findings: Finding[];
    try {
      findings = await RULE_FINDERS[rule](now, settings);
    } catch (error) {
      // One broken rule must not silence the others, nor resolve its own alerts.
      logger.error({ err: error, rule }, "alert rule failed");
      continue;
    }
    const open = await db.alert.findMany({ where: { rule, state: "OPEN" } });
    const openBySubject = new Map(open.map((alert) => [alert.subject, alert]));
    const current = new Set<string>();
    for (const finding of findings) {
      if (current.has(finding.subject)) continue;
      current.add(finding.subject);
      const created = await openOrRefresh(rule, finding, now, openBySubject.get(finding.subject));
      if (created) result.fired.push({ id: created.id, rule, subject: created.subject });
    }
    for (const alert of open) {
      if (current.has(alert.subject)) continue;
      const { count } = await db.alert.updateMany({ where: { id: alert.id, state: "OPEN" }, data: { state: "RESOLVED", openKey: null, resolvedAt: now } });
      if (count === 1) result.resolved.push({ id: alert.id, rule, subject: alert.subject });
    }
  }
  result.notified = await notifyPendingAlerts(now);
  result.retried = (await retryAlertDeliveries({ now })).retried;
  result.open = await db.alert.count({ where: { state: "OPEN" } });
  if (result.fired.length || result.resolved.length) logger.info({ fired: result.fired.length, resolved: result.resolved.length, open: result.open }, "alerts evaluated");
  return result;
}

/**
 * Notifies every alert event not notified yet: open alerts without a "fired" delivery and recently
 * resolved ones without a "resolved" delivery (so a crash between opening and notifying only delays it).
 */
export async function notifyPendingAlerts(now: Date): Promise<number> {
  const pending = await db.alert.findMany({
    where: {
      OR: [
        { state: "OPEN", deliveries: { none: { event: "fired" } } },
        { state: "RESOLVED", resolvedAt: { gte: new Date(now.getTime() - RESOLVED_NOTIFY_GRACE_MS) }, deliveries: { none: { event: "resolved" } } },
      ],
    },
    orderBy: { firedAt: "asc" },
    take: 200,
  });
  let notified = 0;
  for (const alert of pending) {
    // A resolved alert whose firing was never notified is notified as fired first, then resolved.
    if (alert.state === "RESOLVED") await notifyAlert(alert, "fired", now);
    const channels = await notifyAlert(alert, alert.state === "OPEN" ? "fired" : "resolved", now);
    if (channels.length) notified++;
  }
  return notified;
}

export { retryAlertDeliveries } from "./notify-alert";
