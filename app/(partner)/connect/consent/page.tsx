import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound, redirect } from "next/navigation";
import { ConsentSummary } from "@/components/connect/consent-summary";
import { ContinueToAmazon } from "@/components/connect/continue-to-amazon";
import { findMarketplace } from "@/lib/amazon/marketplaces";
import { requirePartner } from "@/lib/auth/session";
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

      <ConsentSummary kind={tenant.kind} />

      <ContinueToAmazon marketplaceId={marketplace.id} reason={renewing} label={t("consent.continueTo", { central })} pendingLabel={t("consent.opening")} />
    </div>
  );
}
