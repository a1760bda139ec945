import "server-only";
// Resend's webhooks (POST /api/webhooks/resend): `email.delivered`, `email.bounced` and `email.complained`,
// signed the Standard Webhooks way (Svix): headers svix-id, svix-timestamp, svix-signature = "v1,<base64
// HMAC-SHA256(secret, id.timestamp.body)>" (several, space-separated, while a secret rotates), checked with
// the `standardwebhooks` library (the one Resend's SDK uses): timing-safe, 5 minutes of tolerance. Without
// RESEND_WEBHOOK_SECRET the door does not exist (404). Every effect is idempotent, so a redelivery (Resend
// retries until it gets a 2xx) changes nothing twice.
import { Webhook, WebhookVerificationError } from "standardwebhooks";
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { readServerEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/log/logger";
import { redactString } from "@/lib/log/redact";
import { normalizeAddress, type SuppressionReason } from "./suppressions";

const MAX_DETAIL = 300;

const eventSchema = z.object({
  type: z.string().min(1).max(100),
  created_at: z.string().max(100).optional(),
  data: z
    .object({
      email_id: z.string().min(1).max(200).optional(),
      created_at: z.string().max(100).optional(),
      bounce: z.object({ message: z.string().max(5000).optional(), type: z.string().max(100).optional(), subType: z.string().max(100).optional() }).optional(),
    })
    .passthrough(),
});

export type ResendWebhookOutcome = "applied" | "ignored" | "unknown_email" | "already_applied";

export interface ResendWebhookResult {
  status: "ok";
  outcome: ResendWebhookOutcome;
}

function headerObject(headers: Headers): Record<string, string> {
  // Resend sends svix-*; the library reads the Standard Webhooks names (webhook-*), which are the same values.
  const pick = (name: string) => headers.get(`svix-${name}`) ?? headers.get(`webhook-${name}`) ?? "";
  return { "webhook-id": pick("id"), "webhook-timestamp": pick("timestamp"), "webhook-signature": pick("signature") };
}

function verified(rawBody: string, headers: Headers, secret: string): unknown {
  try {
    return new Webhook(secret).verify(rawBody, headerObject(headers));
  } catch (error) {
    if (error instanceof WebhookVerificationError) throw new AppError("unauthenticated", `The webhook signature was refused: ${error.message}.`);
    // A body whose signature matched but is not JSON.
    if (error instanceof SyntaxError) throw new AppError("bad_request", "The webhook body is not JSON.");
    throw error;
  }
}

function eventTime(event: z.output<typeof eventSchema>): Date {
  const candidate = Date.parse(event.created_at ?? event.data.created_at ?? "");
  return Number.isNaN(candidate) ? new Date() : new Date(candidate);
}

function bounceDetail(bounce: z.output<typeof eventSchema>["data"]["bounce"]): string | null {
  if (!bounce) return null;
  const kind = [bounce.type, bounce.subType].filter(Boolean).join(" / ");
  const text = redactString([kind, bounce.message].filter(Boolean).join(": "));
  return text ? (text.length > MAX_DETAIL ? `${text.slice(0, MAX_DETAIL)}…` : text) : null;
}

async function suppress(address: string, reason: SuppressionReason, detail: string | null, email: { id: string; tenantId: string | null }, at: Date): Promise<void> {
  const key = normalizeAddress(address);
  await db.emailSuppression.upsert({ where: { address: key }, create: { address: key, reason, detail, emailId: email.id, createdAt: at }, update: { reason, detail, emailId: email.id, createdAt: at } });
  if (email.tenantId) {
    await recordAuditEvent({
      action: reason === "bounced" ? "tenant.email_bounced" : "tenant.email_complained",
      actorType: "SYSTEM",
      actorId: "resend",
      tenantId: email.tenantId,
      details: { emailId: email.id, detail },
    });
  }
}

/** Verifies one webhook and applies it. Throws AppError for every refusal (404 unset, 401 signature, 400/422 body). */
export async function receiveResendWebhook(rawBody: string, headers: Headers): Promise<ResendWebhookResult> {
  const secret = readServerEnv().RESEND_WEBHOOK_SECRET;
  if (!secret) throw new AppError("not_found");
  const parsed = eventSchema.safeParse(verified(rawBody, headers, secret));
  if (!parsed.success) throw new AppError("invalid_input", "The webhook body is not a Resend event.");
  const event = parsed.data;
  if (!["email.delivered", "email.bounced", "email.complained"].includes(event.type)) return { status: "ok", outcome: "ignored" };
  const messageId = event.data.email_id;
  if (!messageId) throw new AppError("invalid_input", "The event names no email (data.email_id).");
  const email = await db.emailOutbox.findFirst({ where: { providerMessageId: messageId, provider: "resend" }, select: { id: true, to: true, tenantId: true, deliveredAt: true, bouncedAt: true, complainedAt: true } });
  // An email another app on the same Resend account sent, or one whose row is gone: nothing of ours to change.
  if (!email) return { status: "ok", outcome: "unknown_email" };
  const at = eventTime(event);

  if (event.type === "email.delivered") {
    if (email.deliveredAt) return { status: "ok", outcome: "already_applied" };
    await db.emailOutbox.updateMany({ where: { id: email.id, deliveredAt: null }, data: { deliveredAt: at } });
    // The address works again: a suppression older than this delivery is lifted.
    await db.emailSuppression.deleteMany({ where: { address: normalizeAddress(email.to), createdAt: { lt: at } } });
    return { status: "ok", outcome: "applied" };
  }
  if (event.type === "email.bounced") {
    if (email.bouncedAt) return { status: "ok", outcome: "already_applied" };
    const detail = bounceDetail(event.data.bounce);
    await db.emailOutbox.updateMany({ where: { id: email.id, bouncedAt: null }, data: { bouncedAt: at, deliveryDetail: detail } });
    // A transient bounce (mailbox full, greylisting) is shown on the email but does not stop reminders.
    if (event.data.bounce?.type?.toLowerCase() !== "transient") await suppress(email.to, "bounced", detail, email, at);
    logger.warn({ emailId: email.id, bounce: event.data.bounce?.type ?? null }, "email bounced");
    return { status: "ok", outcome: "applied" };
  }
  if (email.complainedAt) return { status: "ok", outcome: "already_applied" };
  await db.emailOutbox.updateMany({ where: { id: email.id, complainedAt: null }, data: { complainedAt: at } });
  await suppress(email.to, "complained", null, email, at);
  logger.warn({ emailId: email.id }, "email marked as spam by its reader");
  return { status: "ok", outcome: "applied" };
}
