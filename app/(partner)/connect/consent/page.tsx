import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { ConsentSummary } from "@/components/connect/consent-summary";
import { ContinueToAmazon } from "@/components/connect/continue-to-amazon";
import { findMarketplace } from "@/lib/amazon/marketplaces";
import { requirePartner } from "@/lib/auth/session";
import { REGION_NAMES } from "@/lib/authorizations/status-copy";
import { getTenantConnections } from "@/lib/tenants/get-tenant-connections";

export const metadata: Metadata = { title: "What you are granting" };

const REASONS: Record<string, string> = {
  renewal: "Amazon asks sellers to authorize apps again every year. Your connection keeps working without interruption once you confirm.",
  role_change: "We now need an additional permission, listed below. Confirm to keep everything working.",
};

export default async function ConsentPage({ searchParams }: { searchParams: Promise<{ marketplace?: string; reason?: string }> }) {
  const { marketplace: marketplaceId = "", reason } = await searchParams;
  const user = await requirePartner(`/connect/consent?marketplace=${encodeURIComponent(marketplaceId)}${reason ? `&reason=${encodeURIComponent(reason)}` : ""}`);
  if (!user.tenantId) redirect("/connect/register");
  const marketplace = findMarketplace(marketplaceId);
  if (!marketplace) notFound();
  const tenant = await getTenantConnections(user.tenantId);
  const central = tenant.kind === "SELLER" ? "Seller Central" : "Vendor Central";
  const renewing = reason && reason in REASONS ? reason : undefined;

  return (
    <div className="space-y-8">
      <div>
        <p className="text-sm font-medium text-primary">{renewing ? "Authorize again" : "Step 2 of 2"}</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">
          Connect your {central} account · {REGION_NAMES[marketplace.region]}
        </h1>
        <p className="mt-2 text-muted-foreground">
          {renewing
            ? REASONS[renewing]
            : `You will sign in on Amazon's own ${central} page and confirm there. We never see your Amazon password. Here is exactly what you are granting.`}
        </p>
      </div>

      <ConsentSummary kind={tenant.kind} />

      <ContinueToAmazon marketplaceId={marketplace.id} reason={renewing} central={central} />
    </div>
  );
}
