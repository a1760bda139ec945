// The yearly renewal reminder (60, 30 and 7 days before, and on the day), with a one-click link.
import { accountFacts, PREVIEW_ACCOUNT, type EmailAccount } from "./components/account";
import { EmailLayout } from "./components/email-layout";
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
}

export const RENEWAL_REMINDER_TEMPLATE = "renewal-reminder";

function when(daysLeft: number): string {
  if (daysLeft <= 0) return "today";
  if (daysLeft === 1) return "tomorrow";
  return `in ${daysLeft} days`;
}

export function renewalReminderSubject({ account, daysLeft }: Pick<RenewalReminderEmailProps, "account" | "daysLeft">): string {
  return daysLeft <= 0 ? `Action needed today: renew your ${account.central} connection` : `Renew your ${account.central} connection ${when(daysLeft)}`;
}

export default function RenewalReminderEmail({ account, daysLeft, dueDate, renewUrl, linkExpiresInDays, preferencesUrl }: RenewalReminderEmailProps) {
  return (
    <EmailLayout
      preview={`Amazon asks you to authorize Latchkey again by ${dueDate}. It takes about a minute.`}
      footerNote={`You are receiving this email because ${account.businessName} has an Amazon account connected to Latchkey.`}
      preferencesUrl={preferencesUrl}
    >
      <EmailHeading>{daysLeft <= 0 ? "Your renewal is due today" : `Your renewal is due ${when(daysLeft)}`}</EmailHeading>
      <EmailText>
        Amazon asks sellers and vendors to authorize apps again every year. Please confirm on Amazon&apos;s {account.central} page by {dueDate} so
        your connection keeps working.
      </EmailText>
      <EmailFacts items={accountFacts(account, [{ label: "Renew by", value: dueDate }])} />
      <EmailButton href={renewUrl}>Renew now</EmailButton>
      {daysLeft <= 7 && (
        <EmailNotice tone="warning">If the renewal date passes, access pauses until you authorize again. Nothing is lost; renewing restores it.</EmailNotice>
      )}
      <EmailText muted>
        The button works for {linkExpiresInDays} days. You will be asked to sign in first. It takes you to the page that explains what you are
        granting, then to Amazon.
      </EmailText>
      <EmailFallbackLink href={renewUrl} />
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
