import "server-only";
// Notifies one alert event (fired or resolved) once per channel: an email to every ADMIN_EMAILS address and
// an HMAC-signed webhook POST to ALERT_WEBHOOK_URL. The AlertDelivery row is claimed before sending (its
// unique key stops a second evaluator), then records the outcome. Failures are recorded, never thrown.
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
const MAX_ERROR_LENGTH = 300;

interface DeliveryOutcome {
  status: "sent" | "failed" | "skipped";
  httpStatus?: number;
  error?: string;
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

async function claim(alertId: string, event: AlertEvent, channel: Channel): Promise<string | null> {
  try {
    const row = await db.alertDelivery.create({ data: { alertId, event, channel, status: "sending" }, select: { id: true } });
    return row.id;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return null;
    throw error;
  }
}

async function sendEmails(alert: Alert, event: AlertEvent, now: Date): Promise<DeliveryOutcome> {
  const env = readServerEnv();
  if (env.ADMIN_EMAILS.length === 0) return { status: "skipped", error: "ADMIN_EMAILS is empty" };
  const at = formatDateTime(event === "fired" ? alert.firedAt : (alert.resolvedAt ?? now));
  const url = `${env.APP_URL.replace(/\/$/, "")}/admin/alerts`;
  const failures: string[] = [];
  for (const to of env.ADMIN_EMAILS) {
    const sent = await sendEmail({
      to,
      subject: alertNotificationSubject(event, alert.title),
      template: ALERT_NOTIFICATION_TEMPLATE,
      react: AlertNotificationEmail({ event, title: alert.title, message: alert.message, url, at }),
      dedupeKey: `alert:${alert.id}:${event}:${to}`,
    });
    if (sent.status === "FAILED") failures.push(`${to}: ${sent.error ?? "failed"}`);
  }
  return failures.length ? { status: "failed", error: failures.join("; ").slice(0, MAX_ERROR_LENGTH) } : { status: "sent" };
}

async function postWebhook(alert: Alert, event: AlertEvent, now: Date): Promise<DeliveryOutcome> {
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
        [ALERT_SIGNATURE_HEADER]: signNotificationBody(env.ALERT_WEBHOOK_SECRET, body, Math.floor(Date.now() / 1000)),
      },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(env.ALERT_WEBHOOK_TIMEOUT_MS),
    });
    await response.arrayBuffer().catch(() => undefined);
    return response.ok ? { status: "sent", httpStatus: response.status } : { status: "failed", httpStatus: response.status, error: `the webhook answered HTTP ${response.status}` };
  } catch (error) {
    return { status: "failed", error: shortError(error) };
  }
}

/** Notifies `event` of `alert` on every channel not notified yet. Returns the channels this call delivered to. */
export async function notifyAlert(alert: Alert, event: AlertEvent, now: Date): Promise<Channel[]> {
  const done: Channel[] = [];
  for (const [channel, deliver] of [
    ["email", sendEmails],
    ["webhook", postWebhook],
  ] as const) {
    const deliveryId = await claim(alert.id, event, channel);
    if (!deliveryId) continue;
    let outcome: DeliveryOutcome;
    try {
      outcome = await deliver(alert, event, now);
    } catch (error) {
      outcome = { status: "failed", error: shortError(error) };
    }
    await db.alertDelivery.update({ where: { id: deliveryId }, data: { status: outcome.status, httpStatus: outcome.httpStatus ?? null, error: outcome.error ?? null, at: new Date() } });
    if (outcome.status === "failed") logger.warn({ alertId: alert.id, event, channel, error: outcome.error }, "alert notification failed");
    if (outcome.status === "sent") done.push(channel);
  }
  return done;
}
