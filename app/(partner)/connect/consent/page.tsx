import { Database, KeyRound, LogOut, ShieldCheck } from "lucide-react";
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { ContinueToAmazon } from "@/components/connect/continue-to-amazon";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { findMarketplace } from "@/lib/amazon/marketplaces";
import { requirePartner } from "@/lib/auth/session";
import { REGION_NAMES, REMOVE_APP_INSTRUCTIONS } from "@/lib/authorizations/status-copy";
import { readLedger } from "@/lib/ledger/read-ledger";
import { ROLES } from "@/lib/roles/roles";
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
  const ledger = await readLedger();
  const entries = ledger.forKind(tenant.kind);
  const roles = ledger.requestedRoles(tenant.kind);
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

      <Card>
        <CardHeader>
          <CardTitle className="flex items-center gap-2 text-base">
            <ShieldCheck className="size-5 text-primary" aria-hidden /> What we ask Amazon for
          </CardTitle>
        </CardHeader>
        <CardContent>
          <ul className="space-y-4" aria-label="Requested permissions">
            {roles.map((role) => (
              <li key={role} className="rounded-lg border p-4">
                <p className="flex flex-wrap items-center gap-2 font-medium">
                  {ROLES[role].name}
                  {ROLES[role].restricted && <Badge variant="warning">Restricted</Badge>}
                </p>
                <p className="mt-1 text-sm text-muted-foreground">{ROLES[role].grants}</p>
                <ul className="mt-2 space-y-1 text-sm">
                  {entries
                    .filter((entry) => entry.roles.includes(role))
                    .map((entry) => (
                      <li key={entry.operation} className="flex gap-2">
                        <span className="text-muted-foreground">Why:</span> {entry.reason}
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
              <Database className="size-5 text-primary" aria-hidden /> What Latchkey stores
            </CardTitle>
          </CardHeader>
          <CardContent className="space-y-2 text-sm text-muted-foreground">
            <p>The authorization token Amazon issues for your account, encrypted with a key unique to your business.</p>
            <p>Your {tenant.kind === "SELLER" ? "selling partner ID" : "vendor group ID"}, the marketplaces you sell in, and the results of connection tests.</p>
            <p className="flex items-start gap-2">
              <KeyRound className="mt-0.5 size-4 shrink-0" aria-hidden /> Tokens are never shown to anyone, including our staff.
            </p>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle className="flex items-center gap-2 text-base">
              <LogOut className="size-5 text-primary" aria-hidden /> How to stop it
            </CardTitle>
          </CardHeader>
          <CardContent className="space-y-2 text-sm text-muted-foreground">
            <p>Disconnect at any time from your connections page: we delete the token immediately.</p>
            <p>{REMOVE_APP_INSTRUCTIONS[tenant.kind]}</p>
          </CardContent>
        </Card>
      </div>

      <ContinueToAmazon marketplaceId={marketplace.id} reason={renewing} central={central} />
    </div>
  );
}
