// Sent while a connected account goes unused: is it still needed?
import { accountFacts, PREVIEW_ACCOUNT, type EmailAccount } from "./components/account";
import { EmailLayout } from "./components/email-layout";
import { EmailButton, EmailFacts, EmailHeading, EmailText } from "./components/email-parts";

export interface InactivityReminderEmailProps {
  account: EmailAccount;
  /** Days since the connection was last used (or since it was connected, if never used). */
  unusedDays: number;
  /** The last use, already formatted, or null when never used. */
  lastUsed: string | null;
  connectionUrl: string;
  preferencesUrl: string;
}

export const INACTIVITY_REMINDER_TEMPLATE = "inactivity-reminder";

export function inactivityReminderSubject({ account, unusedDays }: Pick<InactivityReminderEmailProps, "account" | "unusedDays">): string {
  return `Your ${account.central} connection has not been used for ${unusedDays} days`;
}

export default function InactivityReminderEmail({ account, unusedDays, lastUsed, connectionUrl, preferencesUrl }: InactivityReminderEmailProps) {
  return (
    <EmailLayout
      preview={`No activity for ${unusedDays} days. Keep it, or disconnect it if you no longer need it.`}
      footerNote={`You are receiving this email because ${account.businessName} has an Amazon account connected to Latchkey.`}
      preferencesUrl={preferencesUrl}
    >
      <EmailHeading>Is this connection still needed?</EmailHeading>
      <EmailText>
        Nothing has used your {account.central} connection for {unusedDays} days. Unused access is a risk for your account, so we check in from
        time to time.
      </EmailText>
      <EmailFacts items={accountFacts(account, [{ label: "Last used", value: lastUsed ?? "Never" }])} />
      <EmailText>
        <strong>Still needed?</strong> You don&apos;t have to do anything; this stops as soon as the connection is used again.
      </EmailText>
      <EmailText>
        <strong>No longer needed?</strong> Disconnect it. We delete the token at once.
      </EmailText>
      <EmailButton href={connectionUrl}>Review the connection</EmailButton>
      <EmailText muted>If it stays unused, an administrator may disconnect it. You can always connect again later.</EmailText>
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
