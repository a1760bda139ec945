// A security email: Latchkey no longer holds a token for the account. Always sent (no opt-out).
import { accountFacts, PREVIEW_ACCOUNT, type EmailAccount } from "./components/account";
import { EmailLayout } from "./components/email-layout";
import { emailIntl, type Locale } from "./components/email-intl";
import { EmailButton, EmailFacts, EmailHeading, EmailNotice, EmailText } from "./components/email-parts";

export type RevocationReason = "invalid_grant" | "partner_disconnected" | "admin_revoked" | "spapi_unauthorized";

export interface AuthorizationRevokedEmailProps {
  account: EmailAccount;
  reason: RevocationReason;
  /** When, already formatted. */
  revokedAt: string;
  /** The connection page, where the partner can connect again. */
  connectionUrl: string;
  /** Where to remove the app on Amazon's side too. */
  removeAppInstructions: string;
  locale?: Locale;
}

export const AUTHORIZATION_REVOKED_TEMPLATE = "authorization-revoked";

export function authorizationRevokedSubject({ account, locale }: Pick<AuthorizationRevokedEmailProps, "account" | "locale">): string {
  const { t, central } = emailIntl(locale);
  return t("emails.revoked.subject", { central: central(account) });
}

export default function AuthorizationRevokedEmail({ account, reason, revokedAt, connectionUrl, removeAppInstructions, locale }: AuthorizationRevokedEmailProps) {
  const { t } = emailIntl(locale);
  const byPartner = reason === "partner_disconnected";
  return (
    <EmailLayout
      locale={locale}
      preview={byPartner ? t("emails.revoked.previewByPartner") : t("emails.revoked.preview")}
      footerNote={t("emails.layout.securityFooter", { business: account.businessName })}
    >
      <EmailHeading>{t("emails.revoked.heading")}</EmailHeading>
      <EmailText>{t(`emails.revoked.why_${reason}`)}</EmailText>
      <EmailFacts items={accountFacts(account, [{ label: t("emails.revoked.disconnected"), value: revokedAt }], locale)} />
      <EmailText>{t("emails.revoked.deleted")}</EmailText>
      {byPartner ? (
        <EmailNotice>{t("emails.revoked.removeApp", { instructions: removeAppInstructions })}</EmailNotice>
      ) : (
        <EmailNotice tone="warning">{t("emails.revoked.unexpected")}</EmailNotice>
      )}
      <EmailButton href={connectionUrl}>{byPartner ? t("emails.revoked.buttonSee") : t("emails.revoked.buttonConnect")}</EmailButton>
      <EmailText muted>{t("emails.revoked.unrecognised")}</EmailText>
    </EmailLayout>
  );
}

AuthorizationRevokedEmail.PreviewProps = {
  account: PREVIEW_ACCOUNT,
  reason: "invalid_grant",
  revokedAt: "Dec 1, 2026, 08:15 AM UTC",
  connectionUrl: "http://localhost:3000/connect/connections/preview",
  removeAppInstructions: "In Seller Central, open Apps and Services → Manage Your Apps, find this app and choose Remove.",
} satisfies AuthorizationRevokedEmailProps;
