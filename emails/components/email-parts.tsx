// Small building blocks for email bodies, styled once so every template looks the same.
import { Button, Heading, Link, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { emailTheme as t } from "./theme";

export function EmailHeading({ children }: { children: ReactNode }) {
  return (
    <Heading as="h1" style={{ margin: "0 0 16px", fontSize: "22px", lineHeight: "30px", fontWeight: 600, color: t.foreground }}>
      {children}
    </Heading>
  );
}

export function EmailText({ children, muted = false }: { children: ReactNode; muted?: boolean }) {
  return <Text style={{ margin: "0 0 16px", fontSize: "16px", lineHeight: "24px", color: muted ? t.muted : t.foreground }}>{children}</Text>;
}

export function EmailButton({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Button
      href={href}
      style={{
        display: "inline-block",
        backgroundColor: t.primary,
        color: t.primaryForeground,
        fontSize: "16px",
        fontWeight: 600,
        lineHeight: "24px",
        textDecoration: "none",
        borderRadius: "8px",
        padding: "12px 20px",
        margin: "8px 0 24px",
      }}
    >
      {children}
    </Button>
  );
}

/** A long URL shown in full for readers whose client hides buttons; wraps instead of overflowing. */
export function EmailFallbackLink({ href, locale = DEFAULT_LOCALE }: { href: string; locale?: Locale }) {
  return (
    <Text style={{ margin: "0 0 16px", fontSize: "13px", lineHeight: "20px", color: t.muted, wordBreak: "break-all" }}>
      {translatorFor(locale)("emails.layout.fallbackLink")}{" "}
      <Link href={href} style={{ color: t.primary, textDecoration: "underline" }}>
        {href}
      </Link>
    </Text>
  );
}

/** A short list of facts ("Account", "Renewal due"): label above value, so it never overflows on a phone. */
export function EmailFacts({ items }: { items: { label: string; value: string }[] }) {
  return (
    <Section style={{ margin: "0 0 20px", padding: "12px 16px", backgroundColor: t.background, borderRadius: "8px" }}>
      {items.map((item) => (
        <Text key={item.label} style={{ margin: "4px 0", fontSize: "14px", lineHeight: "20px", color: t.foreground }}>
          <span style={{ color: t.muted }}>{item.label}: </span>
          <strong style={{ fontWeight: 600 }}>{item.value}</strong>
        </Text>
      ))}
    </Section>
  );
}

/** A calm notice box for what happens next or what the reader must not ignore. */
export function EmailNotice({ children, tone = "info" }: { children: ReactNode; tone?: "info" | "warning" }) {
  const colors = tone === "warning" ? { background: "#fff7e6", border: "#f0c36d" } : { background: "#eef1fd", border: "#c7cef5" };
  return (
    <Section style={{ margin: "0 0 20px", padding: "12px 16px", backgroundColor: colors.background, border: `1px solid ${colors.border}`, borderRadius: "8px" }}>
      <Text style={{ margin: 0, fontSize: "15px", lineHeight: "22px", color: t.foreground }}>{children}</Text>
    </Section>
  );
}

/** A plain link inside running text. */
export function EmailLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link href={href} style={{ color: t.primary, textDecoration: "underline" }}>
      {children}
    </Link>
  );
}
