// For admins: the app's client secret or the developer account's charge method is about to expire.
import { EmailLayout } from "./components/email-layout";
import { EmailButton, EmailFacts, EmailHeading, EmailNotice, EmailText } from "./components/email-parts";

export type AppClientExpiryKind = "client_secret" | "charge_method";

export interface AppClientExpiryEmailProps {
  kind: AppClientExpiryKind;
  appName: string;
  /** The expiry date, already formatted. */
  expiresOn: string;
  /** Whole days left; 0 or less when it has expired. */
  daysLeft: number;
  appClientUrl: string;
}

export const CLIENT_SECRET_EXPIRY_TEMPLATE = "client-secret-expiry";
export const CHARGE_METHOD_EXPIRY_TEMPLATE = "charge-method-expiry";

const NAMES: Record<AppClientExpiryKind, string> = { client_secret: "client secret", charge_method: "charge method (card on file)" };

function when(daysLeft: number): string {
  if (daysLeft <= 0) return "has expired";
  if (daysLeft === 1) return "expires tomorrow";
  return `expires in ${daysLeft} days`;
}

export function appClientExpirySubject({ kind, appName, daysLeft }: Pick<AppClientExpiryEmailProps, "kind" | "appName" | "daysLeft">): string {
  return `${appName}: the ${kind === "client_secret" ? "client secret" : "charge method"} ${when(daysLeft)}`;
}

export default function AppClientExpiryEmail({ kind, appName, expiresOn, daysLeft, appClientUrl }: AppClientExpiryEmailProps) {
  const secret = kind === "client_secret";
  return (
    <EmailLayout preview={`The ${NAMES[kind]} of ${appName} ${when(daysLeft)} (${expiresOn}).`} footerNote="You are receiving this email because you are a Latchkey administrator.">
      <EmailHeading>{`The ${secret ? "client secret" : "charge method"} ${daysLeft <= 0 ? "has expired" : "is about to expire"}`}</EmailHeading>
      <EmailText>
        The {NAMES[kind]} of {appName} {when(daysLeft)}.
      </EmailText>
      <EmailFacts items={[{ label: "App", value: appName }, { label: "Expires", value: expiresOn }]} />
      {secret ? (
        <EmailNotice tone={daysLeft <= 7 ? "warning" : "info"}>
          Latchkey rotates the secret automatically close to expiry. If a rotation keeps failing, rotate it from the app client page; when the
          secret expires, no partner can get a token.
        </EmailNotice>
      ) : (
        <EmailNotice>Update the card in Amazon&apos;s Solution Provider Portal, then record the new expiry date in Latchkey. Token issuance is never blocked by this.</EmailNotice>
      )}
      <EmailButton href={appClientUrl}>Open the app client page</EmailButton>
    </EmailLayout>
  );
}

AppClientExpiryEmail.PreviewProps = {
  kind: "client_secret",
  appName: "Latchkey",
  expiresOn: "Dec 31, 2026",
  daysLeft: 30,
  appClientUrl: "http://localhost:3000/admin/app-client",
} satisfies AppClientExpiryEmailProps;
