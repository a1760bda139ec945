// For admins, once a day when something needs attention: one list per kind of problem, each item linked.
import { Section, Text } from "@react-email/components";
import { EmailLayout } from "./components/email-layout";
import { EmailButton, EmailHeading, EmailLink, EmailText } from "./components/email-parts";
import { emailTheme as t } from "./components/theme";

export interface AdminDigestItem {
  label: string;
  detail: string;
  url: string;
}

export interface AdminDigestSection {
  title: string;
  items: AdminDigestItem[];
}

export interface AdminDigestEmailProps {
  /** The day, already formatted. */
  date: string;
  sections: AdminDigestSection[];
  dashboardUrl: string;
}

export const ADMIN_DIGEST_TEMPLATE = "admin-digest";

export function adminDigestSubject({ sections }: Pick<AdminDigestEmailProps, "sections">): string {
  const count = sections.reduce((sum, section) => sum + section.items.length, 0);
  return `Latchkey: ${count} ${count === 1 ? "thing needs" : "things need"} attention`;
}

export default function AdminDigestEmail({ date, sections, dashboardUrl }: AdminDigestEmailProps) {
  return (
    <EmailLayout preview={sections.map((s) => `${s.title}: ${s.items.length}`).join(" · ")} footerNote="You are receiving this daily summary because you are a Latchkey administrator. It is only sent when something needs attention.">
      <EmailHeading>What needs attention · {date}</EmailHeading>
      {sections.map((section) => (
        <Section key={section.title} style={{ margin: "0 0 20px" }}>
          <Text style={{ margin: "0 0 8px", fontSize: "16px", lineHeight: "24px", fontWeight: 600, color: t.foreground }}>
            {section.title} ({section.items.length})
          </Text>
          {section.items.map((item) => (
            <Text key={item.url + item.label} style={{ margin: "0 0 8px", fontSize: "15px", lineHeight: "22px", color: t.foreground }}>
              <EmailLink href={item.url}>{item.label}</EmailLink>
              <br />
              <span style={{ color: t.muted, fontSize: "14px" }}>{item.detail}</span>
            </Text>
          ))}
        </Section>
      ))}
      <EmailButton href={dashboardUrl}>Open the dashboard</EmailButton>
      <EmailText muted>Each item stays on this list until it is dealt with.</EmailText>
    </EmailLayout>
  );
}

AdminDigestEmail.PreviewProps = {
  date: "Dec 1, 2026",
  sections: [
    { title: "Renewals overdue", items: [{ label: "Northwind Outfitters · North America", detail: "Renewal was due Nov 28, 2026", url: "http://localhost:3000/admin/tenants/preview" }] },
    { title: "Proposed for revocation (unused)", items: [{ label: "Contoso Vendor · Europe", detail: "Unused since Sep 2, 2026; 3 reminders sent", url: "http://localhost:3000/admin/tenants/preview2" }] },
  ],
  dashboardUrl: "http://localhost:3000/admin",
} satisfies AdminDigestEmailProps;
