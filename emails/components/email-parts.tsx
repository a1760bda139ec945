// Small building blocks for email bodies, styled once so every template looks the same.
import { Button, Heading, Link, Text } from "@react-email/components";
import type { ReactNode } from "react";
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
export function EmailFallbackLink({ href }: { href: string }) {
  return (
    <Text style={{ margin: "0 0 16px", fontSize: "13px", lineHeight: "20px", color: t.muted, wordBreak: "break-all" }}>
      If the button does not work, copy this link into your browser:{" "}
      <Link href={href} style={{ color: t.primary, textDecoration: "underline" }}>
        {href}
      </Link>
    </Text>
  );
}
