import "server-only";
// Remembers, for a few minutes and only in this browser, which address a sign-in link was just sent to,
// so the "check your email" page can name it without putting the address in a URL. The cookie is sealed
// (a vault envelope, AES-256-GCM, under a key derived from AUTH_SECRET, the expiry inside): it never shows the address, and a
// value the browser wrote or changed itself is ignored. `Secure` whenever APP_URL is https.
import { createHmac } from "node:crypto";
import { cookies } from "next/headers";
import { z } from "zod";
import { getAuthSecret } from "@/lib/auth/auth-secret";
import { readServerEnv } from "@/lib/env";
import { open, seal, type SealingKey } from "@/lib/vault/envelope";

const COOKIE = "latchkey-pending-sign-in";
const CONTEXT = "cookie:pending-sign-in";
const MAX_AGE_SECONDS = 15 * 60;
const MAX_COOKIE_LENGTH = 1000;

const payloadSchema = z.object({ email: z.string().min(3).max(320), expiresAt: z.number().int() });

function sealingKey(): SealingKey {
  return { id: "pending-sign-in", key: createHmac("sha256", getAuthSecret()).update("latchkey:pending-sign-in:v1").digest() };
}

function openCookie(value: string): string | null {
  try {
    return open(sealingKey(), value, CONTEXT).toString("utf8");
  } catch {
    return null;
  }
}

function parsePayload(text: string): z.infer<typeof payloadSchema> | null {
  try {
    const parsed = payloadSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export async function rememberPendingSignIn(email: string): Promise<void> {
  const value = seal(sealingKey(), JSON.stringify({ email, expiresAt: Date.now() + MAX_AGE_SECONDS * 1000 }), CONTEXT);
  const secure = new URL(readServerEnv().APP_URL).protocol === "https:";
  (await cookies()).set(COOKIE, value, { httpOnly: true, secure, sameSite: "lax", path: "/sign-in", maxAge: MAX_AGE_SECONDS });
}

export async function readPendingSignIn(): Promise<string | null> {
  const value = (await cookies()).get(COOKIE)?.value;
  if (!value || value.length > MAX_COOKIE_LENGTH) return null;
  const plaintext = openCookie(value);
  const payload = plaintext === null ? null : parsePayload(plaintext);
  return payload && payload.expiresAt > Date.now() ? payload.email : null;
}
