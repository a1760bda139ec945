// A security email: Latchkey no longer holds a token for the account. Always sent (no opt-out).
import { accountFacts, PREVIEW_ACCOUNT, type EmailAccount } from "./components/account";
import { EmailLayout } from "./components/email-layout";
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
}

export const AUTHORIZATION_REVOKED_TEMPLATE = "authorization-revoked";

const WHY: Record<RevocationReason, string> = {
  invalid_grant: "Amazon no longer accepts this authorization. This usually means the app was removed in Manage Your Apps, or the authorization expired.",
  spapi_unauthorized: "Amazon refused this authorization. This usually means the app was removed in Manage Your Apps.",
  partner_disconnected: "You disconnected this account from Latchkey.",
  admin_revoked: "An administrator disconnected this account from Latchkey.",
};

export function authorizationRevokedSubject({ account }: Pick<AuthorizationRevokedEmailProps, "account">): string {
  return `Your ${account.central} account was disconnected from Latchkey`;
}

export default function AuthorizationRevokedEmail({ account, reason, revokedAt, connectionUrl, removeAppInstructions }: AuthorizationRevokedEmailProps) {
  const byPartner = reason === "partner_disconnected";
  return (
    <EmailLayout
      preview={byPartner ? "We deleted the token, as you asked." : "Latchkey can no longer reach Amazon for this account. Connect again to restore it."}
      footerNote={`This is a security email about ${account.businessName}'s Amazon connection. It is sent even when reminders are turned off.`}
    >
      <EmailHeading>Your account was disconnected</EmailHeading>
      <EmailText>{WHY[reason]}</EmailText>
      <EmailFacts items={accountFacts(account, [{ label: "Disconnected", value: revokedAt }])} />
      <EmailText>We deleted the authorization token. Nothing connected through Latchkey can reach your account any more.</EmailText>
      {byPartner ? (
        <EmailNotice>To remove the app on Amazon&apos;s side as well: {removeAppInstructions}</EmailNotice>
      ) : (
        <EmailNotice tone="warning">If you did not expect this, connect again to restore access. It takes about a minute.</EmailNotice>
      )}
      <EmailButton href={connectionUrl}>{byPartner ? "See the connection" : "Connect again"}</EmailButton>
      <EmailText muted>If you don&apos;t recognise this, reply to this email or contact your account manager.</EmailText>
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
