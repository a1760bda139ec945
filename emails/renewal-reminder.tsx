// The yearly renewal reminder (60, 30 and 7 days before, and on the day), with a one-click link.
import { accountFacts, PREVIEW_ACCOUNT, type EmailAccount } from "./components/account";
import { EmailLayout } from "./components/email-layout";
import { emailIntl, type Locale } from "./components/email-intl";
import { EmailButton, EmailFacts, EmailFallbackLink, EmailHeading, EmailNotice, EmailText } from "./components/email-parts";

export interface RenewalReminderEmailProps {
  account: EmailAccount;
  /** Whole days until the renewal date; 0 on the day. */
  daysLeft: number;
  /** The renewal date, already formatted. */
  dueDate: string;
  /** The signed one-click link (sign-in, then Amazon's consent page). */
  renewUrl: string;
  linkExpiresInDays: number;
  preferencesUrl: string;
  locale?: Locale;
}

export const RENEWAL_REMINDER_TEMPLATE = "renewal-reminder";

export function renewalReminderSubject({ account, daysLeft, locale }: Pick<RenewalReminderEmailProps, "account" | "daysLeft" | "locale">): string {
  const { t, central } = emailIntl(locale);
  return daysLeft <= 0 ? t("emails.renewal.subjectToday", { central: central(account) }) : t("emails.renewal.subject", { central: central(account), days: daysLeft });
}

export default function RenewalReminderEmail({ account, daysLeft, dueDate, renewUrl, linkExpiresInDays, preferencesUrl, locale }: RenewalReminderEmailProps) {
  const { t, central } = emailIntl(locale);
  return (
    <EmailLayout
      locale={locale}
      preview={t("emails.renewal.preview", { date: dueDate })}
      footerNote={t("emails.layout.connectedFooter", { business: account.businessName })}
      preferencesUrl={preferencesUrl}
    >
      <EmailHeading>{daysLeft <= 0 ? t("emails.renewal.headingToday") : t("emails.renewal.heading", { days: daysLeft })}</EmailHeading>
      <EmailText>{t("emails.renewal.body", { central: central(account), date: dueDate })}</EmailText>
      <EmailFacts items={accountFacts(account, [{ label: t("emails.renewal.renewBy"), value: dueDate }], locale)} />
      <EmailButton href={renewUrl}>{t("emails.renewal.button")}</EmailButton>
      {daysLeft <= 7 && <EmailNotice tone="warning">{t("emails.renewal.warning")}</EmailNotice>}
      <EmailText muted>{t("emails.renewal.linkNote", { days: linkExpiresInDays })}</EmailText>
      <EmailFallbackLink href={renewUrl} locale={locale} />
    </EmailLayout>
  );
}

RenewalReminderEmail.PreviewProps = {
  account: PREVIEW_ACCOUNT,
  daysLeft: 30,
  dueDate: "Dec 31, 2026",
  renewUrl: "http://localhost:3000/connect/renew?token=preview",
  linkExpiresInDays: 14,
  preferencesUrl: "http://localhost:3000/connect/preferences",
} satisfies RenewalReminderEmailProps;
