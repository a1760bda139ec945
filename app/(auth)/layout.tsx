import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/brand/site-header";
import { LanguageSwitcher } from "@/components/i18n/language-switcher";
import { getCurrentUser } from "@/lib/auth/session";

export default async function AuthLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  return (
    <NextIntlClientProvider>
      <SiteHeader>
        <LanguageSwitcher saveForTenant={Boolean(user?.tenantId)} />
      </SiteHeader>
      <main className="mx-auto flex w-full max-w-md flex-col px-4 py-10 sm:py-16">{children}</main>
    </NextIntlClientProvider>
  );
}
