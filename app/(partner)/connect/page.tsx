import { ArrowRight, Plus, RotateCcw } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { StatusBadge } from "@/components/connect/status-badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { findMarketplace, REGIONS } from "@/lib/amazon/marketplaces";
import { requirePartner } from "@/lib/auth/session";
import { REGION_NAMES } from "@/lib/authorizations/status-copy";
import { unfinishedAttemptAt } from "@/lib/authorizations/status-details";
import { getTenantConnections } from "@/lib/tenants/get-tenant-connections";
import { describeDaysUntil, formatDateTime } from "@/lib/utils/format";

export const metadata: Metadata = { title: "Your Amazon connections" };

export default async function ConnectionsPage() {
  const user = await requirePartner("/connect");
  if (!user.tenantId) redirect("/connect/register");
  const tenant = await getTenantConnections(user.tenantId);
  const central = tenant.kind === "SELLER" ? "Seller Central" : "Vendor Central";
  // One authorization covers a region; offer each region the partner sells in that is not connected yet.
  const regionsSold = new Set(tenant.marketplaceIds.map((id) => findMarketplace(id)?.region).filter(Boolean));
  const connectedRegions = new Set(tenant.authorizations.filter((a) => a.status !== "PENDING" && a.status !== "REVOKED").map((a) => a.region));
  const toConnect = REGIONS.filter((r) => regionsSold.has(r.id) && !connectedRegions.has(r.id));

  return (
    <div className="space-y-8">
      <div>
        <p className="text-sm font-medium text-muted-foreground">{tenant.name}</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">Your Amazon connections</h1>
        <p className="mt-2 text-muted-foreground">
          Each connection lets us work with your {central} account in one region. You can test, renew or disconnect it at any time.
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
                <CardTitle className="text-base">Your {REGION_NAMES[region.id]} connection did not finish</CardTitle>
                <CardDescription>
                  You came back from {central} on {formatDateTime(unfinishedAt)}, but the connection was not completed and nothing was stored. Start again; it only takes a minute.
                </CardDescription>
              </CardHeader>
              <CardContent>
                <Button asChild>
                  <Link href={`/connect/consent?marketplace=${marketplaceId}`}>
                    <RotateCcw aria-hidden /> Start again
                  </Link>
                </Button>
              </CardContent>
            </Card>
          );
        }
        return (
          <Card key={region.id} className="border-primary/30 bg-accent/30">
            <CardHeader>
              <CardTitle className="text-base">Connect {REGION_NAMES[region.id]}</CardTitle>
              <CardDescription>
                You sell in {findMarketplace(marketplaceId)?.name} ({REGION_NAMES[region.id]}). Connect your {central} account to get started.
              </CardDescription>
            </CardHeader>
            <CardContent>
              <Button asChild>
                <Link href={`/connect/consent?marketplace=${marketplaceId}`}>
                  <Plus aria-hidden /> Connect {REGION_NAMES[region.id]}
                </Link>
              </Button>
            </CardContent>
          </Card>
        );
      })}

      <section aria-labelledby="connections-heading" className="space-y-3">
        <h2 id="connections-heading" className="text-sm font-semibold uppercase tracking-wide text-muted-foreground">
          Connections
        </h2>
        {tenant.authorizations.filter((a) => a.status !== "PENDING").length === 0 ? (
          <p className="rounded-lg border border-dashed p-6 text-center text-sm text-muted-foreground">No account connected yet.</p>
        ) : (
          tenant.authorizations
            .filter((a) => a.status !== "PENDING")
            .map((connection) => (
              <Link key={connection.id} href={`/connect/connections/${connection.id}`} className="block rounded-xl border bg-card p-5 shadow-sm transition-colors hover:bg-accent/40">
                <div className="flex items-start justify-between gap-4">
                  <div>
                    <p className="font-medium">
                      {central} · {REGION_NAMES[connection.region]}
                    </p>
                    <p className="mt-1 font-mono text-xs text-muted-foreground">{connection.sellingPartnerId ?? "—"}</p>
                  </div>
                  <StatusBadge status={connection.status} />
                </div>
                <div className="mt-3 flex items-center justify-between text-sm text-muted-foreground">
                  <span>{connection.status === "ACTIVE" && connection.renewalDueAt ? `Renewal due ${describeDaysUntil(connection.renewalDueAt)}` : connection.statusReason ?? ""}</span>
                  <ArrowRight className="size-4" aria-hidden />
                </div>
              </Link>
            ))
        )}
      </section>
      <p className="text-sm text-muted-foreground">
        We email {tenant.contactEmail} before renewals are due.{" "}
        <Link href="/connect/preferences" className="font-medium text-foreground underline underline-offset-4">
          Email preferences
        </Link>
      </p>
    </div>
  );
}
