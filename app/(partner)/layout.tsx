import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { SignOutButton } from "@/app/(auth)/sign-out-button";
import { SiteHeader } from "@/components/brand/site-header";
import { LanguageSwitcher } from "@/components/i18n/language-switcher";
import { getCurrentUser } from "@/lib/auth/session";

export default async function PartnerLayout({ children }: { children: ReactNode }) {
  const [user, t] = await Promise.all([getCurrentUser(), getTranslations("common")]);
  return (
    <NextIntlClientProvider>
      <SiteHeader>
        <LanguageSwitcher saveForTenant={Boolean(user?.tenantId)} />
        {user && (
          <>
            <Link href="/connect" className="hidden rounded-md px-3 py-1.5 font-medium hover:bg-accent sm:inline-block">
              {t("connections")}
            </Link>
            {user.role === "ADMIN" && (
              <Link href="/admin" className="hidden rounded-md px-3 py-1.5 font-medium hover:bg-accent sm:inline-block">
                {t("admin")}
              </Link>
            )}
            <span className="hidden text-muted-foreground md:inline">{user.email}</span>
            <SignOutButton variant="ghost" label={t("signOut")} />
          </>
        )}
      </SiteHeader>
      <main className="mx-auto w-full max-w-3xl px-4 py-8 sm:px-6 sm:py-12">{children}</main>
    </NextIntlClientProvider>
  );
}
