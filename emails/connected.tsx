// Sent when a partner connects an account (welcome) or authorizes it again (renewal confirmed).
import { accountFacts, PREVIEW_ACCOUNT, type EmailAccount } from "./components/account";
import { EmailLayout } from "./components/email-layout";
import { emailIntl, type Locale } from "./components/email-intl";
import { EmailButton, EmailFacts, EmailHeading, EmailText } from "./components/email-parts";

export interface ConnectedEmailProps {
  account: EmailAccount;
  /** True when this confirms a renewal or another reauthorization rather than a first connection. */
  reauthorized: boolean;
  /** The next renewal date, already formatted ("Dec 1, 2027"). */
  renewalDue: string;
  connectionUrl: string;
  locale?: Locale;
}

export const CONNECTED_TEMPLATE = "connected";

export function connectedSubject({ account, reauthorized, locale }: Pick<ConnectedEmailProps, "account" | "reauthorized" | "locale">): string {
  const { t, central } = emailIntl(locale);
  return reauthorized ? t("emails.connected.subjectRenewed", { central: central(account) }) : t("emails.connected.subjectNew", { central: central(account) });
}

export default function ConnectedEmail({ account, reauthorized, renewalDue, connectionUrl, locale }: ConnectedEmailProps) {
  const { t, central: centralOf } = emailIntl(locale);
  const central = centralOf(account);
  return (
    <EmailLayout
      locale={locale}
      preview={reauthorized ? t("emails.connected.previewRenewed", { date: renewalDue }) : t("emails.connected.previewNew")}
      footerNote={t("emails.connected.footer", { business: account.businessName })}
    >
      <EmailHeading>{reauthorized ? t("emails.connected.headingRenewed") : t("emails.connected.headingNew")}</EmailHeading>
      <EmailText>{reauthorized ? t("emails.connected.bodyRenewed", { central }) : t("emails.connected.bodyNew", { central })}</EmailText>
      <EmailFacts items={accountFacts(account, [{ label: t("emails.connected.nextRenewal"), value: renewalDue }], locale)} />
      <EmailText>{t("emails.connected.schedule", { date: renewalDue })}</EmailText>
      <EmailButton href={connectionUrl}>{t("emails.connected.button")}</EmailButton>
      <EmailText muted>{t("emails.connected.disconnectNote")}</EmailText>
    </EmailLayout>
  );
}

ConnectedEmail.PreviewProps = {
  account: PREVIEW_ACCOUNT,
  reauthorized: false,
  renewalDue: "Dec 1, 2027",
  connectionUrl: "http://localhost:3000/connect/connections/preview",
} satisfies ConnectedEmailProps;
