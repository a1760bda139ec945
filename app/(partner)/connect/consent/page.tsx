import { Database, KeyRound, LogOut, ShieldCheck } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound, redirect } from "next/navigation";
import { ContinueToAmazon } from "@/components/connect/continue-to-amazon";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { findMarketplace } from "@/lib/amazon/marketplaces";
import { requirePartner } from "@/lib/auth/session";
import { purposeKey, roleKey } from "@/lib/i18n/ledger-keys";
import { ledgerFor, ROLES, requestedRoles } from "@/lib/roles/ledger";
import { getTenantConnections } from "@/lib/tenants/get-tenant-connections";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("consent"))("title") };
}

const REASONS = { renewal: "reasonRenewal", role_change: "reasonRoleChange" } as const;

export default async function ConsentPage({ searchParams }: { searchParams: Promise<{ marketplace?: string; reason?: string }> }) {
  const { marketplace: marketplaceId = "", reason } = await searchParams;
  const user = await requirePartner(`/connect/consent?marketplace=${encodeURIComponent(marketplaceId)}${reason ? `&reason=${encodeURIComponent(reason)}` : ""}`);
  if (!user.tenantId) redirect("/connect/register");
  const marketplace = findMarketplace(marketplaceId);
  if (!marketplace) notFound();
  const [tenant, t] = await Promise.all([getTenantConnections(user.tenantId), getTranslations()]);
  const central = t("common.central", { kind: tenant.kind });
  const entries = ledgerFor(tenant.kind);
  const roles = requestedRoles(tenant.kind);
  const grants = (role: keyof typeof ROLES) => {
    const key = roleKey(role);
    return key ? t(`roles.${key}`) : ROLES[role].grants;
  };
  const purpose = (entry: (typeof entries)[number]) => {
    const key = purposeKey(entry.operation);
    return key ? t(`purposes.${key}`) : entry.purpose;
  };
  const renewing = reason && Object.hasOwn(REASONS, reason) ? (reason as keyof typeof REASONS) : undefined;

  return (
    <div className="space-y-8">
      <div>
        <p className="text-sm font-medium text-primary">{renewing ? t("consent.authorizeAgain") : t("consent.step")}</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">
          {t("consent.heading", { central, region: t(`regions.${marketplace.region}`) })}
        </h1>
        <p className="mt-2 text-muted-foreground">
          {renewing ? t(`consent.${REASONS[renewing]}`) : t("consent.intro", { central })}
        </p>
      </div>

      <Card>
        <CardHeader>
          <CardTitle className="flex items-center gap-2 text-base">
            <ShieldCheck className="size-5 text-primary" aria-hidden /> {t("consent.askTitle")}
          </CardTitle>
        </CardHeader>
        <CardContent>
          <ul className="space-y-4" aria-label={t("consent.requestedPermissions")}>
            {roles.map((role) => (
              <li key={role} className="rounded-lg border p-4">
                <p className="flex flex-wrap items-center gap-2 font-medium">
                  {ROLES[role].name}
                  {ROLES[role].restricted && <Badge variant="warning">{t("consent.restricted")}</Badge>}
                </p>
                <p className="mt-1 text-sm text-muted-foreground">{grants(role)}</p>
                <ul className="mt-2 space-y-1 text-sm">
                  {entries
                    .filter((entry) => entry.roles.includes(role))
                    .map((entry) => (
                      <li key={entry.operation} className="flex gap-2">
                        <span className="text-muted-foreground">{t("consent.why")}</span> {purpose(entry)}
                      </li>
                    ))}
                </ul>
              </li>
            ))}
          </ul>
        </CardContent>
      </Card>

      <div className="grid gap-4 sm:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle className="flex items-center gap-2 text-base">
              <Database className="size-5 text-primary" aria-hidden /> {t("consent.storesTitle")}
            </CardTitle>
          </CardHeader>
          <CardContent className="space-y-2 text-sm text-muted-foreground">
            <p>{t("consent.storesToken")}</p>
            <p>{t("consent.storesIds", { kind: tenant.kind })}</p>
            <p className="flex items-start gap-2">
              <KeyRound className="mt-0.5 size-4 shrink-0" aria-hidden /> {t("consent.storesNeverShown")}
            </p>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle className="flex items-center gap-2 text-base">
              <LogOut className="size-5 text-primary" aria-hidden /> {t("consent.stopTitle")}
            </CardTitle>
          </CardHeader>
          <CardContent className="space-y-2 text-sm text-muted-foreground">
            <p>{t("consent.stopDisconnect")}</p>
            <p>{t(`removeApp.${tenant.kind}`)}</p>
          </CardContent>
        </Card>
      </div>

      <ContinueToAmazon marketplaceId={marketplace.id} reason={renewing} label={t("consent.continueTo", { central })} pendingLabel={t("consent.opening")} />
    </div>
  );
}
