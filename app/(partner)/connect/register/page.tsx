import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { RegisterForm } from "@/components/connect/register-form";
import { MARKETPLACES } from "@/lib/amazon/marketplaces";
import { requirePartner } from "@/lib/auth/session";
import { marketplaceName } from "@/lib/i18n/marketplace-names";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("register"))("title") };
}

export default async function RegisterPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  const user = await requirePartner("/connect/register");
  if (user.tenantId) redirect("/connect");
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  return (
    <div className="space-y-8">
      <div>
        <p className="text-sm font-medium text-primary">{t("register.step")}</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">{t("register.title")}</h1>
        <p className="mt-2 text-muted-foreground">{t("register.intro")}</p>
      </div>
      <RegisterForm
        defaultEmail={user.email}
        next={next?.startsWith("/appstore/login?") ? next : undefined}
        marketplaces={MARKETPLACES.map((m) => ({ id: m.id, name: marketplaceName(locale, m.id), region: m.region }))}
        regionNames={{ NA: t("regions.NA"), EU: t("regions.EU"), FE: t("regions.FE") }}
      />
    </div>
  );
}
