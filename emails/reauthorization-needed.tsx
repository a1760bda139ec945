// A security email: access is paused (or will be) until the partner authorizes again. Always sent.
import { accountFacts, PREVIEW_ACCOUNT, type EmailAccount } from "./components/account";
import { EmailLayout } from "./components/email-layout";
import { emailIntl, type Locale } from "./components/email-intl";
import { EmailButton, EmailFacts, EmailFallbackLink, EmailHeading, EmailNotice, EmailText } from "./components/email-parts";

export type ReauthorizationReason = "renewal_overdue" | "paused" | "requested";

export interface ReauthorizationNeededEmailProps {
  account: EmailAccount;
  reason: ReauthorizationReason;
  /** The signed one-click link (sign-in, then Amazon's consent page). */
  renewUrl: string;
  linkExpiresInDays: number;
  locale?: Locale;
}

export const REAUTHORIZATION_NEEDED_TEMPLATE = "reauthorization-needed";

export function reauthorizationNeededSubject({ account, reason, locale }: Pick<ReauthorizationNeededEmailProps, "account" | "reason" | "locale">): string {
  const { t, central } = emailIntl(locale);
  return reason === "requested" ? t("emails.reauthorize.subjectRequested", { central: central(account) }) : t("emails.reauthorize.subject", { central: central(account) });
}

export default function ReauthorizationNeededEmail({ account, reason, renewUrl, linkExpiresInDays, locale }: ReauthorizationNeededEmailProps) {
  const { t } = emailIntl(locale);
  const body = t(`emails.reauthorize.${reason}_body`);
  return (
    <EmailLayout locale={locale} preview={body} footerNote={t("emails.layout.securityFooter", { business: account.businessName })}>
      <EmailHeading>{t(`emails.reauthorize.${reason}_heading`)}</EmailHeading>
      <EmailText>{body}</EmailText>
      <EmailFacts items={accountFacts(account, [], locale)} />
      <EmailNotice tone={reason === "requested" ? "info" : "warning"}>{t(`emails.reauthorize.${reason}_notice`)}</EmailNotice>
      <EmailButton href={renewUrl}>{t("emails.reauthorize.button")}</EmailButton>
      <EmailText muted>{t("emails.reauthorize.linkNote", { days: linkExpiresInDays })}</EmailText>
      <EmailFallbackLink href={renewUrl} locale={locale} />
    </EmailLayout>
  );
}

ReauthorizationNeededEmail.PreviewProps = {
  account: PREVIEW_ACCOUNT,
  reason: "renewal_overdue",
  renewUrl: "http://localhost:3000/connect/renew?token=preview",
  linkExpiresInDays: 14,
} satisfies ReauthorizationNeededEmailProps;
