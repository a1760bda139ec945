// The sign-in email: one button, how long it works, and what to do if the reader did not ask for it.
import { EmailLayout } from "./components/email-layout";
import { emailIntl, type Locale } from "./components/email-intl";
import { EmailButton, EmailFallbackLink, EmailHeading, EmailText } from "./components/email-parts";
import { plainDuration } from "./components/plain-duration";

export interface MagicLinkEmailProps {
  /** The one-time sign-in link. */
  url: string;
  /** The address the link signs in. */
  email: string;
  /** How long the link works, in seconds. */
  expiresInSeconds: number;
  /** The language of the sign-in page the link was asked for on. */
  locale?: Locale;
}

export const MAGIC_LINK_TEMPLATE = "magic-link";

export function magicLinkSubject(locale?: Locale): string {
  return emailIntl(locale).t("emails.magicLink.subject");
}

export default function MagicLinkEmail({ url, email, expiresInSeconds, locale }: MagicLinkEmailProps) {
  const { t } = emailIntl(locale);
  const duration = plainDuration(expiresInSeconds, locale);
  return (
    <EmailLayout locale={locale} preview={t("emails.magicLink.preview", { duration })} footerNote={t("emails.magicLink.footer", { email })}>
      <EmailHeading>{t("emails.magicLink.heading")}</EmailHeading>
      <EmailText>{t("emails.magicLink.intro", { email })}</EmailText>
      <EmailButton href={url}>{t("emails.magicLink.button")}</EmailButton>
      <EmailText muted>{t("emails.magicLink.expiry", { duration })}</EmailText>
      <EmailText muted>{t("emails.magicLink.ignore")}</EmailText>
      <EmailFallbackLink href={url} locale={locale} />
    </EmailLayout>
  );
}

MagicLinkEmail.PreviewProps = {
  url: "http://localhost:3000/api/auth/callback/email?callbackUrl=%2F&token=preview-token&email=seller%40example.com",
  email: "seller@example.com",
  expiresInSeconds: 15 * 60,
} satisfies MagicLinkEmailProps;
