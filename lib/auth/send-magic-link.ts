import "server-only";
import { createElement } from "react";
import MagicLinkEmail, { MAGIC_LINK_TEMPLATE, magicLinkSubject } from "@/emails/magic-link";
import { AppError } from "@/lib/errors";
import { readServerEnv } from "@/lib/env";
import { sendEmail } from "@/lib/email/send-email";
import { requestLocale } from "@/lib/i18n/request-locale";

/** How long a magic link works. */
export const MAGIC_LINK_MAX_AGE_SECONDS = 15 * 60;

/**
 * The link on APP_URL's origin. Auth.js builds it from the request's Host (trustHost), which a client can
 * forge; a link must only ever point at this app, never at a host an attacker named.
 */
export function canonicalMagicLink(url: string, appUrl: string): string {
  const link = new URL(url);
  return new URL(`${link.pathname}${link.search}`, new URL(appUrl).origin).toString();
}

/** Sends the sign-in email. Throws when it could not be delivered, so the user is not told to wait for it. */
export async function sendMagicLink({ email, url }: { email: string; url: string }): Promise<void> {
  const link = canonicalMagicLink(url, readServerEnv().APP_URL);
  // In the language of the sign-in page it was asked for on (the switcher's cookie, else the browser's).
  const locale = await requestLocale().catch(() => undefined);
  const sent = await sendEmail({
    to: email,
    subject: magicLinkSubject(locale),
    template: MAGIC_LINK_TEMPLATE,
    react: createElement(MagicLinkEmail, { url: link, email, expiresInSeconds: MAGIC_LINK_MAX_AGE_SECONDS, locale }),
    sensitive: [link],
  });
  if (sent.status === "FAILED") {
    throw new AppError("internal", "The sign-in email could not be sent.", { details: { emailId: sent.id } });
  }
}
