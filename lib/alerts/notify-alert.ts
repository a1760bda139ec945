import "server-only";
// Notifies one alert event (fired or resolved) once per channel: an email to every ADMIN_EMAILS address and
// an HMAC-signed webhook POST to ALERT_WEBHOOK_URL. The AlertDelivery row is claimed before sending (its
// unique key stops a second evaluator), then records the outcome. Failures are recorded, never thrown.
// A failure worth retrying (timeout, no answer, 5xx, 408/429, a failed email) leaves the row "retrying" with
// a backed-off nextAttemptAt; retryAlertDeliveries sends it again, up to ALERT_DELIVERY_MAX_ATTEMPTS sends,
// then marks it "failed" for good. A row left "sending" by a crash is picked up again once it is older than
// any send can take. A "sent" row is never sent again.
import AlertNotificationEmail, { ALERT_NOTIFICATION_TEMPLATE, alertNotificationSubject } from "@/emails/alert-notification";
import { signNotificationBody } from "@/lib/app-client/notifications/ingest-signed-notification";
import { db } from "@/lib/db/client";
import { sendEmail } from "@/lib/email/send-email";
import { readServerEnv } from "@/lib/env";
import { Prisma, type Alert } from "@/lib/generated/prisma/client";
import { logger, redactString } from "@/lib/log";
import { formatDateTime } from "@/lib/utils/format";

export type AlertEvent = "fired" | "resolved";
type Channel = "email" | "webhook";

export const ALERT_SIGNATURE_HEADER = "x-latchkey-signature";
/** The AlertDelivery id: the same on every retry of one notification, so a receiver can drop a repeat. */
export const ALERT_DELIVERY_HEADER = "x-latchkey-delivery";
const MAX_ERROR_LENGTH = 300;
const RETRY_BASE_MS = 60_000;
const RETRY_MAX_DELAY_MS = 3_600_000;
/** How long one email send can take (lib/email/send-email's Resend timeout). */
const EMAIL_SEND_MS = 15_000;
/** Added to the longest possible send before a "sending" row counts as abandoned by a crash. */
const STUCK_MARGIN_MS = 120_000;

interface DeliveryOutcome {
  status: "sent" | "failed" | "skipped";
  httpStatus?: number;
  error?: string;
  /** A failure another send may fix (timeout, no answer, 5xx, 408/429, an email provider error). */
  retryable?: boolean;
}

interface Attempt {
  deliveryId: string;
  /** 1 for the first send. */
  attempt: number;
}

function shortError(error: unknown): string {
  const text = redactString(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH)}…` : text;
}

/** The JSON body of the webhook: the alert as an operator's tool needs it, no secret in it. */
export function webhookPayload(alert: Alert, event: AlertEvent, sentAt: Date) {
  return {
    type: `alert.${event}`,
    sentAt: sentAt.toISOString(),
    alert: {
      id: alert.id,
      rule: alert.rule,
      subject: alert.subject,
      state: alert.state,
      title: alert.title,
      message: alert.message,
      tenantId: alert.tenantId,
      authorizationId: alert.authorizationId,
      details: alert.details,
      firedAt: alert.firedAt.toISOString(),
      resolvedAt: alert.resolvedAt?.toISOString() ?? null,
    },
  };
}

async function claim(alertId: string, event: AlertEvent, channel: Channel, now: Date): Promise<string | null> {
  try {
    const row = await db.alertDelivery.create({ data: { alertId, event, channel, status: "sending", attempts: 1, startedAt: now }, select: { id: true } });
    return row.id;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return null;
    throw error;
  }
}

function emailDedupeKey(alert: Alert, event: AlertEvent, to: string, attempt: number): string {
  const base = `alert:${alert.id}:${event}:${to}`;
  return attempt === 1 ? base : `${base}:attempt-${attempt}`;
}

/** True when an earlier attempt already delivered this notification to `to` (so a retry skips that address). */
async function alreadyEmailed(alert: Alert, event: AlertEvent, to: string, attempt: number): Promise<boolean> {
  if (attempt === 1) return false;
  const keys = Array.from({ length: attempt - 1 }, (_, i) => emailDedupeKey(alert, event, to, i + 1));
  return (await db.emailOutbox.count({ where: { dedupeKey: { in: keys }, status: "SENT" } })) > 0;
}

async function sendEmails(alert: Alert, event: AlertEvent, now: Date, { attempt }: Attempt): Promise<DeliveryOutcome> {
  const env = readServerEnv();
  if (env.ADMIN_EMAILS.length === 0) return { status: "skipped", error: "ADMIN_EMAILS is empty" };
  const at = formatDateTime(event === "fired" ? alert.firedAt : (alert.resolvedAt ?? now));
  const url = `${env.APP_URL.replace(/\/$/, "")}/admin/alerts`;
  const failures: string[] = [];
  for (const to of env.ADMIN_EMAILS) {
    if (await alreadyEmailed(alert, event, to, attempt)) continue;
    const sent = await sendEmail({
      to,
      subject: alertNotificationSubject(event, alert.title),
      template: ALERT_NOTIFICATION_TEMPLATE,
      react: AlertNotificationEmail({ event, title: alert.title, message: alert.message, url, at }),
      dedupeKey: emailDedupeKey(alert, event, to, attempt),
      // The alert engine retries a failed notification itself (one row per attempt, ALERT_DELIVERY_MAX_ATTEMPTS).
      backgroundRetry: false,
    });
    if (sent.status === "FAILED") failures.push(`${to}: ${sent.error ?? "failed"}`);
  }
  return failures.length ? { status: "failed", error: failures.join("; ").slice(0, MAX_ERROR_LENGTH), retryable: true } : { status: "sent" };
}

function retryableStatus(status: number): boolean {
  return status >= 500 || status === 408 || status === 429;
}

async function postWebhook(alert: Alert, event: AlertEvent, now: Date, { deliveryId }: Attempt): Promise<DeliveryOutcome> {
  const env = readServerEnv();
  if (!env.ALERT_WEBHOOK_URL) return { status: "skipped", error: "ALERT_WEBHOOK_URL is not set" };
  if (!env.ALERT_WEBHOOK_SECRET) return { status: "failed", error: "ALERT_WEBHOOK_SECRET is not set: webhooks are only sent signed" };
  const body = JSON.stringify(webhookPayload(alert, event, now));
  try {
    const response = await fetch(env.ALERT_WEBHOOK_URL, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "Latchkey-Alerts/1",
        [ALERT_DELIVERY_HEADER]: deliveryId,
        [ALERT_SIGNATURE_HEADER]: signNotificationBody(env.ALERT_WEBHOOK_SECRET, body, Math.floor(Date.now() / 1000)),
      },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(env.ALERT_WEBHOOK_TIMEOUT_MS),
    });
    await response.arrayBuffer().catch(() => undefined);
    return response.ok
      ? { status: "sent", httpStatus: response.status }
      : { status: "failed", httpStatus: response.status, error: `the webhook answered HTTP ${response.status}`, retryable: retryableStatus(response.status) };
  } catch (error) {
    // A timeout, a refused connection, a reset: the receiver may be back at the next try.
    return { status: "failed", error: shortError(error), retryable: true };
  }
}

const DELIVER: Record<Channel, (alert: Alert, event: AlertEvent, now: Date, attempt: Attempt) => Promise<DeliveryOutcome>> = {
  email: sendEmails,
  webhook: postWebhook,
};

/** The wait before the send after `attempts` failed ones: 1, 2, 4, 8… minutes, at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1), RETRY_MAX_DELAY_MS);
}

/** A "sending" row older than this was abandoned (the process died mid-send): the longest send plus a margin. */
export function stuckAfterMs(): number {
  const env = readServerEnv();
  return Math.max(env.ALERT_WEBHOOK_TIMEOUT_MS, EMAIL_SEND_MS * Math.max(1, env.ADMIN_EMAILS.length)) + STUCK_MARGIN_MS;
}

/** Sends one claimed delivery and records the outcome: sent, skipped, retrying (with its next time) or failed for good. */
type RecordedStatus = "sent" | "skipped" | "retrying" | "failed";

async function deliver(alert: Alert, event: AlertEvent, channel: Channel, claimed: Attempt, now: Date): Promise<RecordedStatus> {
  let outcome: DeliveryOutcome;
  try {
    outcome = await DELIVER[channel](alert, event, now, claimed);
  } catch (error) {
    outcome = { status: "failed", error: shortError(error), retryable: true };
  }
  const maxAttempts = readServerEnv().ALERT_DELIVERY_MAX_ATTEMPTS;
  const retry = outcome.status === "failed" && outcome.retryable === true && claimed.attempt < maxAttempts;
  const status: RecordedStatus = retry ? "retrying" : outcome.status;
  const error = outcome.status === "failed" && !retry && claimed.attempt > 1 ? `gave up after ${claimed.attempt} attempts: ${outcome.error ?? "failed"}` : (outcome.error ?? null);
  await db.alertDelivery.update({
    where: { id: claimed.deliveryId },
    data: {
      status,
      httpStatus: outcome.httpStatus ?? null,
      error: error?.slice(0, MAX_ERROR_LENGTH + 40) ?? null,
      at: new Date(),
      nextAttemptAt: retry ? new Date(now.getTime() + retryDelayMs(claimed.attempt)) : null,
    },
  });
  if (outcome.status === "failed") logger.warn({ alertId: alert.id, event, channel, attempt: claimed.attempt, willRetry: retry, error: outcome.error }, "alert notification failed");
  return status;
}

/** Notifies `event` of `alert` on every channel not notified yet. Returns the channels this call delivered to. */
export async function notifyAlert(alert: Alert, event: AlertEvent, now: Date): Promise<Channel[]> {
  const done: Channel[] = [];
  for (const channel of ["email", "webhook"] as const) {
    const deliveryId = await claim(alert.id, event, channel, now);
    if (!deliveryId) continue;
    if ((await deliver(alert, event, channel, { deliveryId, attempt: 1 }, now)) === "sent") done.push(channel);
  }
  return done;
}

export interface DeliveryRetries {
  /** Deliveries sent again by this sweep. */
  retried: number;
  sent: number;
  /** Deliveries that will be tried again later. */
  rescheduled: number;
  /** Deliveries marked failed for good (out of attempts, or a permanent refusal). */
  failed: number;
}

/**
 * Sends again every alert notification whose retry is due, and every one left "sending" by a crash.
 * Idempotent and safe to run concurrently: each row is claimed with a compare-and-set on its status and
 * attempt count, so one sweep sends it; a "sent" row is never touched.
 */
export async function retryAlertDeliveries({ now = new Date(), limit = 100 }: { now?: Date; limit?: number } = {}): Promise<DeliveryRetries> {
  const result: DeliveryRetries = { retried: 0, sent: 0, rescheduled: 0, failed: 0 };
  const maxAttempts = readServerEnv().ALERT_DELIVERY_MAX_ATTEMPTS;
  const stuckBefore = new Date(now.getTime() - stuckAfterMs());
  const due = await db.alertDelivery.findMany({
    where: {
      OR: [
        { status: "retrying", nextAttemptAt: { lte: now } },
        { status: "sending", startedAt: { lt: stuckBefore } },
        { status: "sending", startedAt: null, at: { lt: stuckBefore } },
      ],
    },
    include: { alert: true },
    orderBy: { at: "asc" },
    take: limit,
  });
  for (const row of due) {
    const event = row.event as AlertEvent;
    const channel = row.channel as Channel;
    if (row.attempts >= maxAttempts) {
      // Out of attempts (a crash during the last one): failed for good, visible on /admin/alerts.
      const { count } = await db.alertDelivery.updateMany({
        where: { id: row.id, status: row.status, attempts: row.attempts },
        data: { status: "failed", nextAttemptAt: null, at: new Date(), error: `gave up after ${row.attempts} attempts: ${row.error ?? "the last send never finished"}`.slice(0, MAX_ERROR_LENGTH + 40) },
      });
      result.failed += count;
      continue;
    }
    const attempt = row.attempts + 1;
    const { count } = await db.alertDelivery.updateMany({
      where: { id: row.id, status: row.status, attempts: row.attempts },
      data: { status: "sending", attempts: attempt, startedAt: now, nextAttemptAt: null },
    });
    if (count !== 1) continue; // another sweep claimed it
    if (row.status === "sending") logger.warn({ alertId: row.alertId, event, channel, attempt }, "alert notification left sending by an interrupted run: sending again");
    result.retried++;
    const status = await deliver(row.alert, event, channel, { deliveryId: row.id, attempt }, now);
    if (status === "retrying") result.rescheduled++;
    else if (status === "failed") result.failed++;
    else result.sent++;
  }
  if (result.retried || result.failed) logger.info({ ...result }, "alert notifications retried");
  return result;
}
