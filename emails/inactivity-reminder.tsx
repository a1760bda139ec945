// Sent while a connected account goes unused: is it still needed?
import { accountFacts, PREVIEW_ACCOUNT, type EmailAccount } from "./components/account";
import { EmailLayout } from "./components/email-layout";
import { emailIntl, type Locale } from "./components/email-intl";
import { EmailButton, EmailFacts, EmailHeading, EmailText } from "./components/email-parts";

export interface InactivityReminderEmailProps {
  account: EmailAccount;
  /** Days since the connection was last used (or since it was connected, if never used). */
  unusedDays: number;
  /** The last use, already formatted, or null when never used. */
  lastUsed: string | null;
  connectionUrl: string;
  preferencesUrl: string;
  locale?: Locale;
}

export const INACTIVITY_REMINDER_TEMPLATE = "inactivity-reminder";

export function inactivityReminderSubject({ account, unusedDays, locale }: Pick<InactivityReminderEmailProps, "account" | "unusedDays" | "locale">): string {
  const { t, central } = emailIntl(locale);
  return t("emails.inactivity.subject", { central: central(account), days: unusedDays });
}

export default function InactivityReminderEmail({ account, unusedDays, lastUsed, connectionUrl, preferencesUrl, locale }: InactivityReminderEmailProps) {
  const { t, central } = emailIntl(locale);
  const strong = (chunks: React.ReactNode) => <strong>{chunks}</strong>;
  return (
    <EmailLayout
      locale={locale}
      preview={t("emails.inactivity.preview", { days: unusedDays })}
      footerNote={t("emails.layout.connectedFooter", { business: account.businessName })}
      preferencesUrl={preferencesUrl}
    >
      <EmailHeading>{t("emails.inactivity.heading")}</EmailHeading>
      <EmailText>{t("emails.inactivity.body", { central: central(account), days: unusedDays })}</EmailText>
      <EmailFacts items={accountFacts(account, [{ label: t("emails.inactivity.lastUsed"), value: lastUsed ?? t("emails.inactivity.never") }], locale)} />
      <EmailText>{t.rich("emails.inactivity.stillNeeded", { b: strong })}</EmailText>
      <EmailText>{t.rich("emails.inactivity.notNeeded", { b: strong })}</EmailText>
      <EmailButton href={connectionUrl}>{t("emails.inactivity.button")}</EmailButton>
      <EmailText muted>{t("emails.inactivity.note")}</EmailText>
    </EmailLayout>
  );
}

InactivityReminderEmail.PreviewProps = {
  account: PREVIEW_ACCOUNT,
  unusedDays: 30,
  lastUsed: "Oct 31, 2026",
  connectionUrl: "http://localhost:3000/connect/connections/preview",
  preferencesUrl: "http://localhost:3000/connect/preferences",
} satisfies InactivityReminderEmailProps;
