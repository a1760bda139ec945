import "server-only";
// Sends webhook deliveries. Each attempt claims its row with a compare-and-set on (status, attempts), so two
// runners (the event-triggered function and the retry cron, or two instances) never send one attempt twice.
// The body is the event's stored payload, signed with the endpoint's secret in the scheme of the alert
// webhooks and the notification ingest: `x-latchkey-signature: t=<unix>,v1=<hex HMAC-SHA256(secret, "t.body")>`.
// 2xx: succeeded. A timeout, no answer, 5xx, 408 or 429: tried again after 1, 2, 4… × WEBHOOK_RETRY_BASE_SECONDS
// (429's Retry-After honoured, at most an hour), up to WEBHOOK_MAX_ATTEMPTS, then failed for good. Any other
// answer (4xx, a redirect, which is never followed) fails at once. A row left "sending" by a crash is sent
// again once older than the timeout plus two minutes.
import { db } from "@/lib/db/client";
import { readServerEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { logger, redactString } from "@/lib/log";
import { decryptSystem } from "@/lib/vault";
import { assertDeliverableUrl } from "./endpoint-url";
import { WEBHOOK_TEST_EVENT } from "./event-types";
import { endpointSecretContext } from "./endpoint-secret";
import { signWebhookBody } from "./signature";

export const WEBHOOK_SIGNATURE_HEADER = "x-latchkey-signature";
/** The delivery id: the same on every retry of one delivery. Receivers drop repeats by the payload's `id`. */
export const WEBHOOK_DELIVERY_HEADER = "x-latchkey-delivery";
export const WEBHOOK_EVENT_HEADER = "x-latchkey-event";

const MAX_ERROR_LENGTH = 300;
const MAX_DELAY_MS = 3_600_000;
const STUCK_MARGIN_MS = 120_000;

export type DeliveryStatus = "pending" | "sending" | "succeeded" | "failed";

interface AttemptOutcome {
  ok: boolean;
  retryable: boolean;
  responseStatus: number | null;
  latencyMs: number | null;
  error: string | null;
  /** A 429's Retry-After, in ms. */
  retryAfterMs?: number;
}

function shortError(error: unknown): string {
  const text = redactString(error instanceof Error ? `${error.name}: ${error.message}${error.cause instanceof Error ? ` (${error.cause.message})` : ""}` : String(error));
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH)}…` : text;
}

/** The wait before the attempt after `attempts` failed ones: base, 2 × base, 4 × base… at most an hour. */
export function webhookRetryDelayMs(attempts: number, baseSeconds = readServerEnv().WEBHOOK_RETRY_BASE_SECONDS): number {
  return Math.min(baseSeconds * 1000 * 2 ** Math.max(0, attempts - 1), MAX_DELAY_MS);
}

export function webhookStuckAfterMs(): number {
  return readServerEnv().WEBHOOK_TIMEOUT_MS + STUCK_MARGIN_MS;
}

function retryAfterMs(header: string | null): number | undefined {
  if (!header || !/^\d{1,6}$/.test(header.trim())) return undefined;
  return Math.min(Number(header.trim()) * 1000, MAX_DELAY_MS);
}

async function post(url: URL, secret: string, body: string, headers: Record<string, string>): Promise<AttemptOutcome> {
  const started = performance.now();
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "Latchkey-Webhooks/1",
        ...headers,
        [WEBHOOK_SIGNATURE_HEADER]: signWebhookBody(secret, body, Math.floor(Date.now() / 1000)),
      },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(readServerEnv().WEBHOOK_TIMEOUT_MS),
    });
    await response.arrayBuffer().catch(() => undefined);
    const latencyMs = Math.round(performance.now() - started);
    const status = response.status;
    if (status >= 200 && status < 300) return { ok: true, retryable: false, responseStatus: status, latencyMs, error: null };
    const retryable = status >= 500 || status === 408 || status === 429;
    const error = status >= 300 && status < 400 ? `the endpoint answered HTTP ${status} (redirects are not followed)` : `the endpoint answered HTTP ${status}`;
    return { ok: false, retryable, responseStatus: status, latencyMs, error, retryAfterMs: status === 429 ? retryAfterMs(response.headers.get("retry-after")) : undefined };
  } catch (error) {
    const latencyMs = Math.round(performance.now() - started);
    const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    return { ok: false, retryable: true, responseStatus: null, latencyMs, error: timedOut ? `no answer within ${readServerEnv().WEBHOOK_TIMEOUT_MS} ms` : shortError(error) };
  }
}

async function send(deliveryId: string): Promise<AttemptOutcome> {
  const row = await db.webhookDelivery.findUnique({
    where: { id: deliveryId },
    select: { endpoint: { select: { id: true, url: true, enabled: true, secretCiphertext: true } }, event: { select: { id: true, type: true, payload: true } } },
  });
  if (!row) return { ok: false, retryable: false, responseStatus: null, latencyMs: null, error: "the endpoint was removed" };
  const { endpoint, event } = row;
  if (!endpoint.enabled && event.type !== WEBHOOK_TEST_EVENT) return { ok: false, retryable: false, responseStatus: null, latencyMs: null, error: "the endpoint is disabled" };
  let url: URL;
  try {
    url = await assertDeliverableUrl(endpoint.url);
  } catch (error) {
    return { ok: false, retryable: false, responseStatus: null, latencyMs: null, error: error instanceof AppError ? error.message : shortError(error) };
  }
  const secret = await decryptSystem(endpoint.secretCiphertext, endpointSecretContext(endpoint.id));
  return post(url, secret, JSON.stringify(event.payload), { [WEBHOOK_DELIVERY_HEADER]: deliveryId, [WEBHOOK_EVENT_HEADER]: event.type });
}

/** Claims one attempt of a delivery seen as (status, attempts); false when another runner got there first. */
async function claim(id: string, seen: { status: string; attempts: number }, now: Date): Promise<boolean> {
  const { count } = await db.webhookDelivery.updateMany({
    where: { id, status: seen.status, attempts: seen.attempts },
    data: { status: "sending", attempts: seen.attempts + 1, startedAt: now, nextAttemptAt: null },
  });
  return count === 1;
}

/** Sends one attempt of a delivery it claimed and records the outcome. */
async function attempt(id: string, attemptNumber: number, now: Date): Promise<DeliveryStatus> {
  let outcome: AttemptOutcome;
  try {
    outcome = await send(id);
  } catch (error) {
    outcome = { ok: false, retryable: true, responseStatus: null, latencyMs: null, error: shortError(error) };
  }
  const maxAttempts = readServerEnv().WEBHOOK_MAX_ATTEMPTS;
  const retry = !outcome.ok && outcome.retryable && attemptNumber < maxAttempts;
  const status: DeliveryStatus = outcome.ok ? "succeeded" : retry ? "pending" : "failed";
  const delay = retry ? Math.max(webhookRetryDelayMs(attemptNumber), outcome.retryAfterMs ?? 0) : 0;
  const error = !outcome.ok && !retry && outcome.retryable ? `gave up after ${attemptNumber} attempts: ${outcome.error ?? "failed"}` : outcome.error;
  // updateMany: the endpoint (and with it this row) may have been removed while the attempt ran.
  await db.webhookDelivery.updateMany({
    where: { id },
    data: {
      status,
      responseStatus: outcome.responseStatus,
      latencyMs: outcome.latencyMs,
      error: error?.slice(0, MAX_ERROR_LENGTH + 40) ?? null,
      lastAttemptAt: new Date(),
      nextAttemptAt: retry ? new Date(now.getTime() + delay) : null,
    },
  });
  if (!outcome.ok) logger.warn({ deliveryId: id, attempt: attemptNumber, willRetry: retry, responseStatus: outcome.responseStatus, error: outcome.error }, "webhook delivery failed");
  return status;
}

/** Sends a pending delivery now (first attempt or "send again"); the status it was left in, or null if another runner had it. */
export async function deliverNow(id: string, now = new Date()): Promise<DeliveryStatus | null> {
  const row = await db.webhookDelivery.findUnique({ where: { id }, select: { status: true, attempts: true } });
  if (!row || row.status !== "pending") return null;
  if (!(await claim(id, row, now))) return null;
  return attempt(id, row.attempts + 1, now);
}

/** The `deliver-webhook-event` function's work: every delivery of the event still waiting for its first attempt. */
export async function deliverWebhookEvent(eventId: string, now = new Date()): Promise<Record<DeliveryStatus, number>> {
  const counts: Record<DeliveryStatus, number> = { pending: 0, sending: 0, succeeded: 0, failed: 0 };
  const rows = await db.webhookDelivery.findMany({ where: { eventId, status: "pending", attempts: 0 }, select: { id: true }, orderBy: { createdAt: "asc" } });
  for (const row of rows) {
    const status = await deliverNow(row.id, now);
    if (status) counts[status]++;
  }
  return counts;
}

export interface WebhookSweep {
  attempted: number;
  succeeded: number;
  rescheduled: number;
  failed: number;
}

/**
 * The `retry-webhook-deliveries` cron: every delivery due (a retry whose time came, a first attempt whose
 * announcement was lost) and every one left "sending" by a crash, oldest first. Safe to run concurrently.
 */
export async function deliverDueWebhooks({ now = new Date(), limit = 100 }: { now?: Date; limit?: number } = {}): Promise<WebhookSweep> {
  const result: WebhookSweep = { attempted: 0, succeeded: 0, rescheduled: 0, failed: 0 };
  const maxAttempts = readServerEnv().WEBHOOK_MAX_ATTEMPTS;
  const stuckBefore = new Date(now.getTime() - webhookStuckAfterMs());
  const due = await db.webhookDelivery.findMany({
    where: { OR: [{ status: "pending", nextAttemptAt: { lte: now } }, { status: "sending", startedAt: { lt: stuckBefore } }] },
    select: { id: true, status: true, attempts: true, error: true },
    orderBy: { createdAt: "asc" },
    take: limit,
  });
  for (const row of due) {
    if (row.attempts >= maxAttempts) {
      const { count } = await db.webhookDelivery.updateMany({
        where: { id: row.id, status: row.status, attempts: row.attempts },
        data: { status: "failed", nextAttemptAt: null, error: `gave up after ${row.attempts} attempts: ${row.error ?? "the last attempt never finished"}`.slice(0, MAX_ERROR_LENGTH + 40) },
      });
      result.failed += count;
      continue;
    }
    if (!(await claim(row.id, row, now))) continue;
    if (row.status === "sending") logger.warn({ deliveryId: row.id, attempt: row.attempts + 1 }, "webhook delivery left sending by an interrupted run: sending again");
    result.attempted++;
    const status = await attempt(row.id, row.attempts + 1, now);
    if (status === "succeeded") result.succeeded++;
    else if (status === "pending") result.rescheduled++;
    else result.failed++;
  }
  if (result.attempted || result.failed) logger.info({ ...result }, "webhook deliveries retried");
  return result;
}
