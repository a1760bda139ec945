import "server-only";
import { readServerEnv } from "@/lib/env";

export type EmailMode = "resend" | "outbox";

/** "resend" when RESEND_API_KEY is set; otherwise the dev outbox (the EmailOutbox row is the delivery). */
export function emailMode(): EmailMode {
  return readServerEnv().RESEND_API_KEY ? "resend" : "outbox";
}

/**
 * Whether /dev/outbox is served: only outside production and only when the outbox is how mail is delivered.
 * Everywhere else it is a 404.
 */
export function devOutboxEnabled(): boolean {
  return readServerEnv().NODE_ENV !== "production" && emailMode() === "outbox";
}

/**
 * In production without an email provider, the warning the boot log and /admin/health show (null otherwise).
 * There the outbox never keeps a usable sign-in link: an admin reading it must not be able to sign in as a
 * partner. Only the mail drop directory (EMAIL_OUTBOX_DIR), when the operator set one, receives the link.
 */
export function missingEmailProviderWarning(): string | null {
  const env = readServerEnv();
  if (env.NODE_ENV !== "production" || emailMode() === "resend") return null;
  const signIn = env.EMAIL_OUTBOX_DIR
    ? `sign-in links reach only the files in EMAIL_OUTBOX_DIR (${env.EMAIL_OUTBOX_DIR})`
    : "nobody can sign in by email";
  return `No email provider is configured (set RESEND_API_KEY): emails are only recorded in the outbox, without their sign-in links, and ${signIn}.`;
}
