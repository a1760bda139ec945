import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ReminderPreferencesForm } from "@/components/connect/reminder-preferences-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requirePartner } from "@/lib/auth/session";
import { getReminderPreferences } from "@/lib/lifecycle/reminder-preferences";
import { getTenantConnections } from "@/lib/tenants/get-tenant-connections";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("preferences"))("title") };
}

export default async function PreferencesPage() {
  const user = await requirePartner("/connect/preferences");
  if (!user.tenantId) redirect("/connect/register");
  const [tenant, preferences, t] = await Promise.all([getTenantConnections(user.tenantId), getReminderPreferences(user.tenantId), getTranslations()]);
  return (
    <div className="space-y-6">
      <Link href="/connect" className="text-sm text-muted-foreground hover:text-foreground">
        {t("common.allConnections")}
      </Link>
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("preferences.title")}</h1>
        <p className="mt-2 text-muted-foreground">{t("preferences.intro", { email: tenant.contactEmail })}</p>
      </div>
      <Card>
        <CardHeader>
          <CardTitle className="text-base">{t("preferences.reminders")}</CardTitle>
          <CardDescription>{t("preferences.security")}</CardDescription>
        </CardHeader>
        <CardContent>
          <ReminderPreferencesForm preferences={preferences} />
        </CardContent>
      </Card>
    </div>
  );
}
