import "server-only";
// Signed, expiring one-click links in reminder emails: APP_URL/connect/renew?token=… The token names the
// authorization and an expiry, signed with HMAC-SHA256 under a key derived from AUTH_SECRET. It grants
// nothing by itself: the partner still signs in, and the page checks the authorization is theirs.
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { getAuthSecret } from "@/lib/auth/auth-secret";
import { readServerEnv } from "@/lib/env";

const payloadSchema = z.object({ a: z.string().min(1), e: z.number().int(), p: z.literal("reauthorize") });

function signingKey(): Buffer {
  return createHmac("sha256", getAuthSecret()).update("latchkey:reminder-link:v1").digest();
}

function sign(body: string): string {
  return createHmac("sha256", signingKey()).update(body).digest("base64url");
}

export function createReminderToken(authorizationId: string, now = new Date()): string {
  const days = readServerEnv().REMINDER_LINK_TTL_DAYS;
  const body = Buffer.from(JSON.stringify({ a: authorizationId, e: Math.floor(now.getTime() / 1000) + days * 86_400, p: "reauthorize" })).toString("base64url");
  return `${body}.${sign(body)}`;
}

export function reminderLink(authorizationId: string, now = new Date()): string {
  const url = new URL("/connect/renew", readServerEnv().APP_URL);
  url.searchParams.set("token", createReminderToken(authorizationId, now));
  return url.toString();
}

export type ReminderTokenCheck = { ok: true; authorizationId: string } | { ok: false; reason: "invalid" | "expired" };

/** Verifies a token's signature first, then its expiry. */
export function verifyReminderToken(token: string | undefined | null, now = new Date()): ReminderTokenCheck {
  if (!token || token.length > 1000) return { ok: false, reason: "invalid" };
  const [body, signature, extra] = token.split(".");
  if (!body || !signature || extra !== undefined) return { ok: false, reason: "invalid" };
  const expected = Buffer.from(sign(body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: "invalid" };
  let payload;
  try {
    payload = payloadSchema.safeParse(JSON.parse(Buffer.from(body, "base64url").toString("utf8")));
  } catch {
    return { ok: false, reason: "invalid" };
  }
  if (!payload.success) return { ok: false, reason: "invalid" };
  if (payload.data.e * 1000 <= now.getTime()) return { ok: false, reason: "expired" };
  return { ok: true, authorizationId: payload.data.a };
}
