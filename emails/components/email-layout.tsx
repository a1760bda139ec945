// The frame every Latchkey email shares: the wordmark, one white card for the message, and a footer that
// says who sent it and why. Plain on purpose, one column, so it reads well on a phone and in any client.
import { Body, Container, Head, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { emailTheme as t } from "./theme";

export interface EmailLayoutProps {
  /** The line mail clients show next to the subject. */
  preview: string;
  children: ReactNode;
  /** Why the reader got this email; defaults to a generic line. */
  footerNote?: string;
  /** Where the reader changes which reminders they get (optional reminder emails only). */
  preferencesUrl?: string;
  /** The reader's language (partner emails); admin emails stay English. */
  locale?: Locale;
}

export function EmailLayout({ preview, children, footerNote, preferencesUrl, locale = DEFAULT_LOCALE }: EmailLayoutProps) {
  const m = translatorFor(locale);
  return (
    <Html lang={locale}>
      <Head>
        <meta name="color-scheme" content="light" />
        <meta name="supported-color-schemes" content="light" />
      </Head>
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: t.background, fontFamily: t.fontFamily, margin: 0, padding: "24px 0" }}>
        <Container style={{ maxWidth: "560px", margin: "0 auto", padding: "0 16px" }}>
          <Section style={{ padding: "8px 4px 16px" }}>
            <Text style={{ margin: 0, fontSize: "20px", lineHeight: "28px", fontWeight: 600, color: t.primary, letterSpacing: "-0.01em" }}>
              Latchkey
            </Text>
          </Section>
          <Section style={{ backgroundColor: t.card, border: `1px solid ${t.border}`, borderRadius: "12px", padding: "28px 24px" }}>{children}</Section>
          <Section style={{ padding: "16px 4px" }}>
            <Text style={{ margin: 0, fontSize: "13px", lineHeight: "20px", color: t.muted }}>
              {footerNote ?? m("emails.layout.defaultFooter")}
            </Text>
            {preferencesUrl && (
              <Text style={{ margin: "8px 0 0", fontSize: "13px", lineHeight: "20px", color: t.muted }}>
                {m("emails.layout.noReminders")}{" "}
                <Link href={preferencesUrl} style={{ color: t.muted, textDecoration: "underline" }}>
                  {m("emails.layout.changePreferences")}
                </Link>
                .
              </Text>
            )}
            <Hr style={{ borderColor: t.border, margin: "12px 0" }} />
            <Text style={{ margin: 0, fontSize: "13px", lineHeight: "20px", color: t.muted }}>
              {m("emails.layout.tagline")}
            </Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}
