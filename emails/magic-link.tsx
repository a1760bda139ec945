// The sign-in email: one button, how long it works, and what to do if the reader did not ask for it.
import { EmailLayout } from "./components/email-layout";
import { EmailButton, EmailFallbackLink, EmailHeading, EmailText } from "./components/email-parts";
import { plainDuration } from "./components/plain-duration";

export interface MagicLinkEmailProps {
  /** The one-time sign-in link. */
  url: string;
  /** The address the link signs in. */
  email: string;
  /** How long the link works, in seconds. */
  expiresInSeconds: number;
}

export const MAGIC_LINK_TEMPLATE = "magic-link";

export function magicLinkSubject(): string {
  return "Your Latchkey sign-in link";
}

export default function MagicLinkEmail({ url, email, expiresInSeconds }: MagicLinkEmailProps) {
  const duration = plainDuration(expiresInSeconds);
  return (
    <EmailLayout
      preview={`Sign in to Latchkey. The link works for ${duration}.`}
      footerNote={`This email was sent to ${email} because someone asked to sign in to Latchkey with this address.`}
    >
      <EmailHeading>Sign in to Latchkey</EmailHeading>
      <EmailText>Click the button below to sign in as {email}.</EmailText>
      <EmailButton href={url}>Sign in to Latchkey</EmailButton>
      <EmailText muted>
        This link works for {duration} and only once. If it has expired, ask for a new one on the sign-in page.
      </EmailText>
      <EmailText muted>If you didn&apos;t ask to sign in, you can safely ignore this email. Nobody can sign in without this link.</EmailText>
      <EmailFallbackLink href={url} />
    </EmailLayout>
  );
}

MagicLinkEmail.PreviewProps = {
  url: "http://localhost:3000/api/auth/callback/email?callbackUrl=%2F&token=preview-token&email=seller%40example.com",
  email: "seller@example.com",
  expiresInSeconds: 15 * 60,
} satisfies MagicLinkEmailProps;
