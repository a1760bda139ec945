import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import { getLocale } from "next-intl/server";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Latchkey", template: "%s · Latchkey" },
  description: "Connect your Amazon seller or vendor account safely, and keep it connected.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

// Every page is rendered per request: its scripts carry that request's CSP nonce (proxy.ts), which a page
// prerendered at build time could not have.
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  // The partner's language (i18n/request.ts); the admin pages, English only, mark their own part lang="en".
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="min-h-dvh font-sans">{children}</body>
    </html>
  );
}
