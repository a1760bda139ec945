import "server-only";
// Starts an email sign-in through Auth.js and says, in words a seller understands, what happened.
import { headers } from "next/headers";
import { AuthError } from "next-auth";
import { signIn } from "@/auth";
import { logger } from "@/lib/log/logger";
import { EMAIL_PROVIDER_ID } from "./auth-config";
import { sanitizeCallbackUrl } from "./callback-url";
import { clientIp } from "./client-ip";
import { AUTH_PAGES } from "./pages";
import { normalizeEmail } from "./roles";
import { consumeSignInAttempt, SIGN_IN_RATE_LIMITED_MESSAGE } from "./sign-in-rate-limit";

export type SignInLinkOutcome = { ok: true; email: string; callbackUrl: string } | { ok: false; message: string };

export const SIGN_IN_FAILURE_MESSAGES = {
  send: "We couldn't send the email just now. Please try again in a minute.",
  refused: "This email address can't be used to sign in. Check it, or use another one.",
  rateLimited: SIGN_IN_RATE_LIMITED_MESSAGE,
} as const;

export async function requestSignInLink(input: { email: string; callbackUrl?: string }): Promise<SignInLinkOutcome> {
  const email = normalizeEmail(input.email);
  const callbackUrl = sanitizeCallbackUrl(input.callbackUrl);
  const attempt = await consumeSignInAttempt({ email, ip: clientIp(await headers()) });
  if (!attempt.allowed) {
    logger.warn({ retryAfterSeconds: attempt.retryAfterSeconds }, "sign-in link refused: rate limited");
    return { ok: false, message: SIGN_IN_FAILURE_MESSAGES.rateLimited };
  }
  let next: string;
  try {
    next = await signIn(EMAIL_PROVIDER_ID, { email, redirectTo: callbackUrl, redirect: false });
  } catch (error) {
    if (error instanceof AuthError) {
      logger.warn({ authError: error.type }, "sign-in link refused");
      return { ok: false, message: SIGN_IN_FAILURE_MESSAGES.refused };
    }
    throw error;
  }
  // Auth.js answers failures it does not throw (the email could not be sent) with a redirect to its error page.
  const target = new URL(next, "http://latchkey.invalid");
  if (target.pathname === AUTH_PAGES.error || target.pathname === AUTH_PAGES.signIn) {
    return { ok: false, message: target.searchParams.get("error") === "AccessDenied" ? SIGN_IN_FAILURE_MESSAGES.refused : SIGN_IN_FAILURE_MESSAGES.send };
  }
  return { ok: true, email, callbackUrl };
}
