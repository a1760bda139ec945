import "server-only";
// The one way the app sends email (STYLE rule 10). Every send is recorded in EmailOutbox; with
// RESEND_API_KEY set it goes out through Resend, otherwise the row itself is the delivery (the dev outbox,
// readable at /dev/outbox). In production the outbox is not a delivery for sign-in links: their rows never
// hold the live link, which only a mail drop directory (EMAIL_OUTBOX_DIR) receives, or nobody.
// A dedupeKey makes a send idempotent: the second call returns the first row.
import type { ReactElement } from "react";
import { Resend } from "resend";
import { db } from "@/lib/db/client";
import { readServerEnv } from "@/lib/env";
import { Prisma, type EmailOutbox } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/log/logger";
import { redactString, registerSecret } from "@/lib/log/redact";
import { devOutboxEnabled, emailMode } from "./mode";
import { removeLinks } from "./remove-links";
import { renderEmail } from "./render-email";
import { writeOutboxFile } from "./write-outbox-file";
import { faultPoint } from "@/lib/runtime/fault-point";

const RESEND_TIMEOUT_MS = 15_000;
const MAX_ERROR_LENGTH = 500;
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

/** A provider failure as a short string safe to store: redacted, links removed, bounded. */
function describeFailure(failure: unknown, sensitive: SendEmailInput["sensitive"]): string {
  let message: string;
  if (failure instanceof Error) message = `${failure.name}: ${failure.message}`;
  else if (failure && typeof failure === "object" && "message" in failure) {
    const name = "name" in failure ? String(failure.name) : "error";
    message = `${name}: ${String(failure.message)}`;
  } else message = String(failure);
  const cleaned = redactString(sensitive ? removeLinks(message, sensitive) : message);
  return cleaned.length > MAX_ERROR_LENGTH ? `${cleaned.slice(0, MAX_ERROR_LENGTH)}…` : cleaned;
}

/**
 * Renders and records an email, then delivers it (Resend) or leaves it in the dev outbox. Never throws a
 * provider error: a failed delivery is returned with status FAILED and a redacted error. Throws only when
 * the row itself cannot be written.
 */
export async function sendEmail(input: SendEmailInput): Promise<SentEmail> {
  const existing = await findByDedupeKey(input.dedupeKey);
  if (existing) return { ...existing, deduplicated: true };

  const env = readServerEnv();
  const mode = emailMode();
  const to = input.to.trim();
  const { html, text } = await renderBody(input);
  const strip = input.sensitive && !devOutboxEnabled() ? input.sensitive : undefined;
  const stored = strip ? { html: removeLinks(html, strip), text: removeLinks(text, strip) } : { html, text };
  // Production outbox mode with nowhere to put the live link: the email cannot reach its reader.
  const undeliverable = mode === "outbox" && strip !== undefined && !env.EMAIL_OUTBOX_DIR;
  const now = new Date();

  let row: EmailOutbox;
  try {
    row = await db.emailOutbox.create({
      data: {
        dedupeKey: input.dedupeKey ?? null,
        to,
        subject: input.subject,
        template: input.template,
        html: stored.html,
        text: stored.text,
        provider: mode,
        ...(undeliverable ? { status: "FAILED", error: NO_PROVIDER } : mode === "outbox" ? { status: "SENT", sentAt: now } : { status: "QUEUED" }),
      },
    });
  } catch (error) {
    // Two sends with one dedupeKey raced: the other one won, and this one is the duplicate.
    if (isUniqueViolation(error)) {
      const winner = await findByDedupeKey(input.dedupeKey);
      if (winner) return { ...winner, deduplicated: true };
    }
    throw error;
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

  let failure: unknown;
  let messageId: string | undefined;
  try {
    if (env.RESEND_API_KEY) registerSecret(env.RESEND_API_KEY);
    const resend = new Resend(env.RESEND_API_KEY, env.RESEND_BASE_URL ? { baseUrl: env.RESEND_BASE_URL.replace(/\/+$/, "") } : undefined);
    const result = await resend.emails.send(
      { from: env.EMAIL_FROM, to, subject: input.subject, html, text },
      { signal: AbortSignal.timeout(RESEND_TIMEOUT_MS), ...(input.dedupeKey ? { idempotencyKey: input.dedupeKey } : {}) },
    );
    if (result.error) failure = result.error;
    else messageId = result.data.id;
  } catch (error) {
    failure = error;
  }

  if (failure !== undefined) {
    const error = describeFailure(failure, input.sensitive);
    row = await db.emailOutbox.update({ where: { id: row.id }, data: { status: "FAILED", error } });
    logger.warn({ emailId: row.id, template: row.template, provider: "resend", error }, "email delivery failed");
    return { ...row, deduplicated: false };
  }
  await faultPoint("email-mid-send");
  row = await db.emailOutbox.update({
    where: { id: row.id },
    data: { status: "SENT", sentAt: new Date(), providerMessageId: messageId ?? null },
  });
  logger.info({ emailId: row.id, template: row.template, provider: "resend" }, "email sent");
  return { ...row, deduplicated: false };
}
