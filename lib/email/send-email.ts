import "server-only";
// The one way the app sends email (STYLE rule 10). Every send is recorded in EmailOutbox; with
// RESEND_API_KEY set it goes out through Resend, otherwise the row itself is the delivery (the dev outbox,
// readable at /dev/outbox). In production the outbox is not a delivery for sign-in links: their rows never
// hold the live link, which only a mail drop directory (EMAIL_OUTBOX_DIR) receives, or nobody.
// A dedupeKey makes a send idempotent: the second call returns the first row, unless that row failed for
// good, in which case the send starts a new round of attempts on it (a lifecycle scan re-sending a reminder).
// A send Resend did not accept for a passing reason (timeout, 5xx, 429) stays QUEUED and is retried by the
// email-retries workflow (retry-due-emails.ts) with backoff, up to EMAIL_MAX_ATTEMPTS, then FAILED for good.
import type { ReactElement } from "react";
import { db } from "@/lib/db/client";
import { readServerEnv } from "@/lib/env";
import { Prisma, type EmailOutbox } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/log/logger";
import { claimAttempt, deliverClaimedAttempt, SEND_LEASE_MS } from "./deliver-email";
import { devOutboxEnabled, emailMode } from "./mode";
import { removeLinks } from "./remove-links";
import { renderEmail } from "./render-email";
import { writeOutboxFile } from "./write-outbox-file";

const NO_PROVIDER = "No email provider is configured (RESEND_API_KEY) and no EMAIL_OUTBOX_DIR: a sign-in link is never kept in the outbox in production.";

type Body = { react: ReactElement; html?: never; text?: string } | { html: string; react?: never; text?: string };

export type SendEmailInput = Body & {
  to: string;
  subject: string;
  /** The template's name, recorded on the row (e.g. "magic-link"). */
  template: string;
  /** Makes the send idempotent: a second send with the same key is a no-op returning the first row. */
  dedupeKey?: string;
  /**
   * Links that must not be stored (a magic link): the stored html and text get "[link removed]" instead.
   * `true` removes every http(s) link. Only in the dev outbox (outbox mode outside production) is the row
   * the delivery, so there the links stay.
   */
  sensitive?: true | readonly string[];
  /** The partner the email is written to, shown with a failure on /admin/outbox and in the digest. */
  tenantId?: string | null;
  /**
   * false: the caller retries itself (alert notifications, with their own attempt count), so a failure is
   * FAILED at once. Emails with a sensitive link are never retried in the background (their stored copy has
   * no link).
   */
  backgroundRetry?: false;
};

export type SentEmail = EmailOutbox & {
  /** True when a row with the same dedupeKey already existed and nothing was sent. */
  deduplicated: boolean;
};

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

async function findByDedupeKey(dedupeKey: string | undefined): Promise<EmailOutbox | null> {
  return dedupeKey ? db.emailOutbox.findUnique({ where: { dedupeKey } }) : null;
}

async function renderBody(input: SendEmailInput): Promise<{ html: string; text: string }> {
  if (input.react) {
    const rendered = await renderEmail(input.react);
    return { html: rendered.html, text: input.text ?? rendered.text };
  }
  const html = input.html ?? "";
  return { html, text: input.text ?? html.replace(/<[^>]*>/g, " ").replace(/\s+/g, " ").trim() };
}

/**
 * Renders and records an email, then delivers it (Resend) or leaves it in the dev outbox. Never throws a
 * provider error: a failed delivery is returned with status FAILED and a redacted error. Throws only when
 * the row itself cannot be written.
 */
export async function sendEmail(input: SendEmailInput): Promise<SentEmail> {
  const existing = await findByDedupeKey(input.dedupeKey);
  if (existing && existing.status !== "FAILED") return { ...existing, deduplicated: true };

  const env = readServerEnv();
  const mode = emailMode();
  const to = input.to.trim();
  const { html, text } = await renderBody(input);
  const strip = input.sensitive && !devOutboxEnabled() ? input.sensitive : undefined;
  const stored = strip ? { html: removeLinks(html, strip), text: removeLinks(text, strip) } : { html, text };
  // Production outbox mode with nowhere to put the live link: the email cannot reach its reader.
  const undeliverable = mode === "outbox" && strip !== undefined && !env.EMAIL_OUTBOX_DIR;
  const now = new Date();
  const fields = {
    to,
    subject: input.subject,
    template: input.template,
    html: stored.html,
    text: stored.text,
    provider: mode,
    tenantId: input.tenantId ?? null,
    // The stored copy is what a retry sends: without its link, it must not be sent again.
    retryable: strip === undefined && input.backgroundRetry !== false,
    ...(undeliverable
      ? { status: "FAILED" as const, error: NO_PROVIDER, attempts: 0, nextAttemptAt: null }
      : mode === "outbox"
        ? { status: "SENT" as const, sentAt: now, attempts: 1, nextAttemptAt: null }
        : // The first attempt is claimed with the row: a crash before its outcome is recorded leaves it to the retry scan.
          { status: "QUEUED" as const, attempts: 1, nextAttemptAt: new Date(now.getTime() + SEND_LEASE_MS), error: null }),
  };

  let row: EmailOutbox;
  if (existing) {
    // The first round failed for good: a new send with the same key starts a new round on the same row.
    const { count } = await db.emailOutbox.updateMany({
      where: { id: existing.id, status: "FAILED", revivals: existing.revivals },
      data: { ...fields, revivals: existing.revivals + 1, sentAt: null },
    });
    const current = await db.emailOutbox.findUniqueOrThrow({ where: { id: existing.id } });
    if (count === 0) return { ...current, deduplicated: true };
    row = current;
  } else {
    try {
      row = await db.emailOutbox.create({ data: { dedupeKey: input.dedupeKey ?? null, ...fields } });
    } catch (error) {
      // Two sends with one dedupeKey raced: the other one won, and this one is the duplicate.
      if (isUniqueViolation(error)) {
        const winner = await findByDedupeKey(input.dedupeKey);
        if (winner) return { ...winner, deduplicated: true };
      }
      throw error;
    }
  }

  if (undeliverable) {
    logger.warn({ emailId: row.id, template: row.template, provider: "outbox" }, "email not delivered: no email provider is configured");
    return { ...row, deduplicated: false };
  }
  if (mode === "outbox") {
    // The mail drop gets the email as sent, links included: it is the delivery, not the record.
    if (env.EMAIL_OUTBOX_DIR) await writeOutboxFile(env.EMAIL_OUTBOX_DIR, { ...row, html, text });
    logger.info({ emailId: row.id, template: row.template, provider: "outbox" }, "email recorded in the outbox");
    return { ...row, deduplicated: false };
  }
  const delivered = await deliverClaimedAttempt(row, { html, text }, { sensitive: input.sensitive });
  return { ...delivered, deduplicated: false };
}

/** Sends one due retry of a QUEUED row from its stored copy (the email-retries workflow). */
export async function retryEmail(row: EmailOutbox, now: Date): Promise<EmailOutbox | null> {
  const claimed = await claimAttempt(row, now, { due: true });
  if (!claimed) return null;
  return deliverClaimedAttempt(claimed, { html: claimed.html, text: claimed.text });
}
