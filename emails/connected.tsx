// Sent when a partner connects an account (welcome) or authorizes it again (renewal confirmed).
import { accountFacts, PREVIEW_ACCOUNT, type EmailAccount } from "./components/account";
import { EmailLayout } from "./components/email-layout";
import { EmailButton, EmailFacts, EmailHeading, EmailText } from "./components/email-parts";

export interface ConnectedEmailProps {
  account: EmailAccount;
  /** True when this confirms a renewal or another reauthorization rather than a first connection. */
  reauthorized: boolean;
  /** The next renewal date, already formatted ("Dec 1, 2027"). */
  renewalDue: string;
  connectionUrl: string;
}

export const CONNECTED_TEMPLATE = "connected";

export function connectedSubject({ account, reauthorized }: Pick<ConnectedEmailProps, "account" | "reauthorized">): string {
  return reauthorized ? `Your ${account.central} connection is renewed` : `Your ${account.central} account is connected to Latchkey`;
}

export default function ConnectedEmail({ account, reauthorized, renewalDue, connectionUrl }: ConnectedEmailProps) {
  return (
    <EmailLayout
      preview={reauthorized ? `Renewed. Nothing else to do until ${renewalDue}.` : `Connected. Amazon asks you to renew once a year; we will remind you.`}
      footerNote={`You are receiving this email because ${account.businessName} connected an Amazon account to Latchkey.`}
    >
      <EmailHeading>{reauthorized ? "Your connection is renewed" : "Welcome to Latchkey"}</EmailHeading>
      <EmailText>
        {reauthorized
          ? `Thanks for authorizing again. Your ${account.central} account stays connected without interruption.`
          : `Your ${account.central} account is connected. Latchkey can now keep the access your tools need fresh and safe.`}
      </EmailText>
      <EmailFacts items={accountFacts(account, [{ label: "Next renewal", value: renewalDue }])} />
      <EmailText>
        Amazon asks sellers and vendors to authorize apps again once a year. We will email you 60, 30 and 7 days before {renewalDue}, with a
        link that takes you straight there.
      </EmailText>
      <EmailButton href={connectionUrl}>See your connection</EmailButton>
      <EmailText muted>You can disconnect at any time from the same page.</EmailText>
    </EmailLayout>
  );
}

ConnectedEmail.PreviewProps = {
  account: PREVIEW_ACCOUNT,
  reauthorized: false,
  renewalDue: "Dec 1, 2027",
  connectionUrl: "http://localhost:3000/connect/connections/preview",
} satisfies ConnectedEmailProps;
