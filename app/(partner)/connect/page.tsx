import { ArrowRight, Plus, RotateCcw } from "lucide-react";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { redirect } from "next/navigation";
import { StatusBadge } from "@/components/connect/status-badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { findMarketplace, REGIONS } from "@/lib/amazon/marketplaces";
import { marketplaceName } from "@/lib/i18n/marketplace-names";
import { requirePartner } from "@/lib/auth/session";
import { unfinishedAttemptAt } from "@/lib/authorizations/status-details";
import { getTenantConnections } from "@/lib/tenants/get-tenant-connections";
import { describeLocalDaysUntil, formatLocalDateTime } from "@/lib/i18n/format";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("connections"))("title") };
}

export default async function ConnectionsPage() {
  const user = await requirePartner("/connect");
  if (!user.tenantId) redirect("/connect/register");
  const [tenant, t, locale] = await Promise.all([getTenantConnections(user.tenantId), getTranslations(), getLocale()]);
  const central = t("common.central", { kind: tenant.kind });
  // One authorization covers a region; offer each region the partner sells in that is not connected yet.
  const regionsSold = new Set(tenant.marketplaceIds.map((id) => findMarketplace(id)?.region).filter(Boolean));
  const connectedRegions = new Set(tenant.authorizations.filter((a) => a.status !== "PENDING" && a.status !== "REVOKED").map((a) => a.region));
  const toConnect = REGIONS.filter((r) => regionsSold.has(r.id) && !connectedRegions.has(r.id));

  return (
    <div className="space-y-8">
      <div>
        <p className="text-sm font-medium text-muted-foreground">{tenant.name}</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">{t("connections.title")}</h1>
        <p className="mt-2 text-muted-foreground">
          {t("connections.intro", { central })}
        </p>
      </div>

      {toConnect.map((region) => {
        const marketplaceId = tenant.marketplaceIds.find((id) => findMarketplace(id)?.region === region.id)!;
        const pending = tenant.authorizations.find((a) => a.region === region.id);
        const unfinishedAt = pending ? unfinishedAttemptAt(pending) : null;
        if (unfinishedAt) {
          return (
            <Card key={region.id} className="border-warning/40" data-testid="unfinished-attempt">
              <CardHeader>
                <CardTitle className="text-base">{t("connections.unfinishedTitle", { region: t(`regions.${region.id}`) })}</CardTitle>
                <CardDescription>{t("connections.unfinishedBody", { central, at: formatLocalDateTime(locale, unfinishedAt) })}</CardDescription>
              </CardHeader>
              <CardContent>
                <Button asChild>
                  <Link href={`/connect/consent?marketplace=${marketplaceId}`}>
                    <RotateCcw aria-hidden /> {t("common.startAgain")}
                  </Link>
                </Button>
              </CardContent>
            </Card>
          );
        }
        return (
          <Card key={region.id} className="border-primary/30 bg-accent/30">
            <CardHeader>
              <CardTitle className="text-base">{t("connections.connectTitle", { region: t(`regions.${region.id}`) })}</CardTitle>
              <CardDescription>
                {t("connections.connectBody", { marketplace: marketplaceName(locale, marketplaceId), region: t(`regions.${region.id}`), central })}
              </CardDescription>
            </CardHeader>
            <CardContent>
              <Button asChild>
                <Link href={`/connect/consent?marketplace=${marketplaceId}`}>
                  <Plus aria-hidden /> {t("connections.connectButton", { region: t(`regions.${region.id}`) })}
                </Link>
              </Button>
            </CardContent>
          </Card>
        );
      })}

      <section aria-labelledby="connections-heading" className="space-y-3">
        <h2 id="connections-heading" className="text-sm font-semibold uppercase tracking-wide text-muted-foreground">
          {t("connections.heading")}
        </h2>
        {tenant.authorizations.filter((a) => a.status !== "PENDING").length === 0 ? (
          <p className="rounded-lg border border-dashed p-6 text-center text-sm text-muted-foreground">{t("connections.empty")}</p>
        ) : (
          tenant.authorizations
            .filter((a) => a.status !== "PENDING")
            .map((connection) => (
              <Link key={connection.id} href={`/connect/connections/${connection.id}`} className="block rounded-xl border bg-card p-5 shadow-sm transition-colors hover:bg-accent/40">
                <div className="flex items-start justify-between gap-4">
                  <div>
                    <p className="font-medium">
                      {central} · {t(`regions.${connection.region}`)}
                    </p>
                    <p className="mt-1 font-mono text-xs text-muted-foreground">{connection.sellingPartnerId ?? "—"}</p>
                  </div>
                  <StatusBadge status={connection.status} />
                </div>
                <div className="mt-3 flex items-center justify-between text-sm text-muted-foreground">
                  <span>{connection.status === "ACTIVE" && connection.renewalDueAt ? t("connections.renewalDue", { when: describeLocalDaysUntil(locale, connection.renewalDueAt) }) : connection.statusReason ?? ""}</span>
                  <ArrowRight className="size-4" aria-hidden />
                </div>
              </Link>
            ))
        )}
      </section>
      <p className="text-sm text-muted-foreground">
        {t("connections.emailNote", { email: tenant.contactEmail })}{" "}
        <Link href="/connect/preferences" className="font-medium text-foreground underline underline-offset-4">
          {t("connections.emailPreferences")}
        </Link>
      </p>
    </div>
  );
}
