// A security email: access is paused (or will be) until the partner authorizes again. Always sent.
import { accountFacts, PREVIEW_ACCOUNT, type EmailAccount } from "./components/account";
import { EmailLayout } from "./components/email-layout";
import { EmailButton, EmailFacts, EmailFallbackLink, EmailHeading, EmailNotice, EmailText } from "./components/email-parts";

export type ReauthorizationReason = "renewal_overdue" | "paused" | "requested";

export interface ReauthorizationNeededEmailProps {
  account: EmailAccount;
  reason: ReauthorizationReason;
  /** The signed one-click link (sign-in, then Amazon's consent page). */
  renewUrl: string;
  linkExpiresInDays: number;
}

export const REAUTHORIZATION_NEEDED_TEMPLATE = "reauthorization-needed";

const COPY: Record<ReauthorizationReason, { heading: string; body: string; notice: string }> = {
  renewal_overdue: {
    heading: "Your renewal date has passed",
    body: "Amazon asks sellers and vendors to authorize apps again every year, and this account's date has passed. Access is paused until you authorize again.",
    notice: "Authorizing again restores access at once. Nothing else is lost.",
  },
  paused: {
    heading: "Access to your account is paused",
    body: "An administrator paused access for this account. Authorizing again on Amazon's page lifts the pause.",
    notice: "Until then, nothing connected through Latchkey can reach your account.",
  },
  requested: {
    heading: "Please authorize again",
    body: "We need you to confirm the connection on Amazon's page again, for example because the app now needs an updated permission.",
    notice: "Your connection keeps working while you do this. It takes about a minute.",
  },
};

export function reauthorizationNeededSubject({ account, reason }: Pick<ReauthorizationNeededEmailProps, "account" | "reason">): string {
  return reason === "requested" ? `Please authorize your ${account.central} connection again` : `Action needed: authorize your ${account.central} connection again`;
}

export default function ReauthorizationNeededEmail({ account, reason, renewUrl, linkExpiresInDays }: ReauthorizationNeededEmailProps) {
  const copy = COPY[reason];
  return (
    <EmailLayout
      preview={copy.body}
      footerNote={`This is a security email about ${account.businessName}'s Amazon connection. It is sent even when reminders are turned off.`}
    >
      <EmailHeading>{copy.heading}</EmailHeading>
      <EmailText>{copy.body}</EmailText>
      <EmailFacts items={accountFacts(account)} />
      <EmailNotice tone={reason === "requested" ? "info" : "warning"}>{copy.notice}</EmailNotice>
      <EmailButton href={renewUrl}>Authorize again</EmailButton>
      <EmailText muted>The button works for {linkExpiresInDays} days. You will be asked to sign in first.</EmailText>
      <EmailFallbackLink href={renewUrl} />
    </EmailLayout>
  );
}

ReauthorizationNeededEmail.PreviewProps = {
  account: PREVIEW_ACCOUNT,
  reason: "renewal_overdue",
  renewUrl: "http://localhost:3000/connect/renew?token=preview",
  linkExpiresInDays: 14,
} satisfies ReauthorizationNeededEmailProps;
