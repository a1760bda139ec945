// An admin alert: what fired (or resolved), on what, and where to look. Sent to ADMIN_EMAILS.
import { EmailLayout } from "./components/email-layout";
import { EmailButton, EmailFallbackLink, EmailHeading, EmailText } from "./components/email-parts";

export interface AlertNotificationEmailProps {
  event: "fired" | "resolved";
  title: string;
  /** What is wrong and what to do, in plain words. */
  message: string;
  /** The admin page of the alert (or its subject). */
  url: string;
  /** When the alert fired or resolved, already formatted for reading. */
  at: string;
}

export const ALERT_NOTIFICATION_TEMPLATE = "alert-notification";

export function alertNotificationSubject(event: AlertNotificationEmailProps["event"], title: string): string {
  return event === "fired" ? `[Latchkey alert] ${title}` : `[Latchkey resolved] ${title}`;
}

export default function AlertNotificationEmail({ event, title, message, url, at }: AlertNotificationEmailProps) {
  return (
    <EmailLayout
      preview={event === "fired" ? `Alert: ${title}` : `Resolved: ${title}`}
      footerNote="You receive Latchkey's alerts because your address is in ADMIN_EMAILS."
    >
      <EmailHeading>{event === "fired" ? title : `Resolved: ${title}`}</EmailHeading>
      <EmailText>{event === "fired" ? message : "The condition has cleared; nothing more to do for this alert."}</EmailText>
      <EmailText muted>{event === "fired" ? `Fired ${at}.` : `Resolved ${at}.`}</EmailText>
      <EmailButton href={url}>Open the alerts page</EmailButton>
      <EmailFallbackLink href={url} />
    </EmailLayout>
  );
}

AlertNotificationEmail.PreviewProps = {
  event: "fired",
  title: "401 spike for Acme Co",
  message: "Amazon refused 25 calls with 401 in the last 5 minutes. Check the connection's token and roles, and ask the partner to reauthorize if it keeps failing.",
  url: "http://localhost:3000/admin/alerts",
  at: "Dec 1, 2026, 08:00 AM UTC",
} satisfies AlertNotificationEmailProps;
