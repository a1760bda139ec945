import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ReminderPreferencesForm } from "@/components/connect/reminder-preferences-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requirePartner } from "@/lib/auth/session";
import { getReminderPreferences } from "@/lib/lifecycle/reminder-preferences";
import { getTenantConnections } from "@/lib/tenants/get-tenant-connections";

export const metadata: Metadata = { title: "Email preferences" };

export default async function PreferencesPage() {
  const user = await requirePartner("/connect/preferences");
  if (!user.tenantId) redirect("/connect/register");
  const [tenant, preferences] = await Promise.all([getTenantConnections(user.tenantId), getReminderPreferences(user.tenantId)]);
  return (
    <div className="space-y-6">
      <Link href="/connect" className="text-sm text-muted-foreground hover:text-foreground">
        ← All connections
      </Link>
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Email preferences</h1>
        <p className="mt-2 text-muted-foreground">Choose which reminders we send to {tenant.contactEmail}.</p>
      </div>
      <Card>
        <CardHeader>
          <CardTitle className="text-base">Reminders</CardTitle>
          <CardDescription>
            Security emails are always sent: when a connection is disconnected, or when you must authorize again for access to continue.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <ReminderPreferencesForm preferences={preferences} />
        </CardContent>
      </Card>
    </div>
  );
}
