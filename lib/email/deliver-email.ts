import "server-only";
// One attempt to hand an email to Resend, and what it leaves on the row. The attempt is claimed first (a
// guarded update that counts it and sets `nextAttemptAt` a lease ahead), so two instances never send the same
// attempt, and a process that stops mid-send leaves a row the retry scan picks up once the lease has passed.
// Every attempt of one round carries the same idempotency key and the same body, so Resend sends at most one
// email however many attempts reached it (a timeout after Resend accepted, then a retry).
import { Resend } from "resend";
import { db } from "@/lib/db/client";
import { readServerEnv } from "@/lib/env";
import type { EmailOutbox } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/log/logger";
import { redactString, registerSecret } from "@/lib/log/redact";
import { classifySendFailure, nextEmailAttemptAt, parseRetryAfter } from "./classify-send-failure";
import { removeLinks } from "./remove-links";
import { faultPoint } from "@/lib/runtime/fault-point";

export const RESEND_TIMEOUT_MS = 15_000;
/** How long a claimed attempt may take before the retry scan may start the next one (the timeout, with room). */
export const SEND_LEASE_MS = RESEND_TIMEOUT_MS + 60_000;
const MAX_ERROR_LENGTH = 500;

export interface EmailBody {
  html: string;
  text: string;
}

/** A provider failure as a short string safe to store: redacted, links removed, bounded. */
export function describeFailure(failure: unknown, sensitive?: true | readonly string[]): string {
  let message: string;
  if (failure instanceof Error) message = `${failure.name}: ${failure.message}`;
  else if (failure && typeof failure === "object" && "message" in failure) {
    const name = "name" in failure ? String(failure.name) : "error";
    const status = "statusCode" in failure && typeof failure.statusCode === "number" ? ` (HTTP ${failure.statusCode})` : "";
    message = `${name}${status}: ${String(failure.message)}`;
  } else message = String(failure);
  const cleaned = redactString(sensitive ? removeLinks(message, sensitive) : message);
  return cleaned.length > MAX_ERROR_LENGTH ? `${cleaned.slice(0, MAX_ERROR_LENGTH)}…` : cleaned;
}

/** The Resend idempotency key of the row's current round. */
export function idempotencyKeyOf(row: Pick<EmailOutbox, "id" | "dedupeKey" | "revivals">): string {
  const base = row.dedupeKey ?? `email:${row.id}`;
  return row.revivals > 0 ? `${base}:round-${row.revivals + 1}` : base;
}

/**
 * Claims the row's next attempt: the row as claimed (its `attempts` counts this one) when this caller may send
 * it, null otherwise. The row must be QUEUED with the attempt count it was read with, and (retry scan) due.
 */
export async function claimAttempt(row: EmailOutbox, now: Date, options: { due?: boolean } = {}): Promise<EmailOutbox | null> {
  const nextAttemptAt = new Date(now.getTime() + SEND_LEASE_MS);
  const { count } = await db.emailOutbox.updateMany({
    where: { id: row.id, status: "QUEUED", attempts: row.attempts, ...(options.due ? { nextAttemptAt: { lte: now } } : {}) },
    data: { attempts: row.attempts + 1, nextAttemptAt },
  });
  return count === 1 ? { ...row, attempts: row.attempts + 1, nextAttemptAt } : null;
}

type SendResult = { ok: true; messageId: string | null } | { ok: false; failure: unknown; retryAfter: string | null };

async function sendThroughResend(row: EmailOutbox, body: EmailBody): Promise<SendResult> {
  const env = readServerEnv();
  try {
    if (env.RESEND_API_KEY) registerSecret(env.RESEND_API_KEY);
    const resend = new Resend(env.RESEND_API_KEY, env.RESEND_BASE_URL ? { baseUrl: env.RESEND_BASE_URL.replace(/\/+$/, "") } : undefined);
    const result = await resend.emails.send(
      { from: env.EMAIL_FROM, to: row.to, subject: row.subject, html: body.html, text: body.text },
      { signal: AbortSignal.timeout(RESEND_TIMEOUT_MS), idempotencyKey: idempotencyKeyOf(row) },
    );
    if (result.error) return { ok: false, failure: result.error, retryAfter: result.headers?.["retry-after"] ?? null };
    return { ok: true, messageId: result.data.id };
  } catch (error) {
    return { ok: false, failure: error, retryAfter: null };
  }
}

/**
 * Sends the claimed attempt (`row.attempts` is the attempt being made) and records the outcome: SENT; QUEUED
 * with the next attempt's time (timeouts, 5xx, 429, while attempts are left and the row can be retried); or
 * FAILED for good. Never throws a provider error.
 */
export async function deliverClaimedAttempt(row: EmailOutbox, body: EmailBody, options: { sensitive?: true | readonly string[] } = {}): Promise<EmailOutbox> {
  const result = await sendThroughResend(row, body);
  const now = new Date();
  const guard = { id: row.id, status: "QUEUED" as const, attempts: row.attempts };
  if (result.ok) {
    await faultPoint("email-mid-send");
    await db.emailOutbox.updateMany({ where: guard, data: { status: "SENT", sentAt: now, nextAttemptAt: null, providerMessageId: result.messageId, error: null } });
    logger.info({ emailId: row.id, template: row.template, provider: "resend", attempt: row.attempts }, "email sent");
  } else {
    const error = describeFailure(result.failure, options.sensitive);
    const { retryable } = classifySendFailure(result.failure);
    const max = readServerEnv().EMAIL_MAX_ATTEMPTS;
    const again = retryable && row.retryable && row.attempts < max;
    const explained = again
      ? error
      : retryable && !row.retryable
        ? `${error} — not retried: the stored copy has no sign-in link; ask for a new one.`
        : retryable
          ? `${error} — failed for good after ${row.attempts} attempt${row.attempts === 1 ? "" : "s"}.`
          : `${error} — refused by the provider; not retried.`;
    await db.emailOutbox.updateMany({
      where: guard,
      data: again ? { nextAttemptAt: nextEmailAttemptAt(now, row.attempts, parseRetryAfter(result.retryAfter, now)), error: explained } : { status: "FAILED", nextAttemptAt: null, error: explained },
    });
    logger.warn({ emailId: row.id, template: row.template, provider: "resend", attempt: row.attempts, retrying: again, error }, again ? "email delivery failed, will retry" : "email delivery failed for good");
  }
  // Another instance may have taken the row over (our lease ran out): report what the row says now.
  return db.emailOutbox.findUniqueOrThrow({ where: { id: row.id } });
}
