import { CheckCircle2, MailWarning } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { notFound } from "next/navigation";
import { AdminTestButton } from "@/components/admin/admin-test-button";
import { IdentityConflictNotice } from "@/components/admin/identity-conflict-notice";
import { LifecycleActions } from "@/components/admin/lifecycle-actions";
import { StatusBadge } from "@/components/connect/status-badge";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { findMarketplace } from "@/lib/amazon/marketplaces";
import { requireAdmin } from "@/lib/auth/session";
import { listOpenIdentityConflicts } from "@/lib/authorizations/identity-conflicts";
import { REGION_NAMES } from "@/lib/amazon/regions";
import { lastTestDetail, renewalDetail } from "@/lib/authorizations/status-details";
import { connectLinkState, listRecentConnectLinks } from "@/lib/connect-links/list-connect-links";
import { describeSuppression, findSuppression } from "@/lib/email/suppressions";
import { isAppError } from "@/lib/errors";
import { getTenantConnections } from "@/lib/tenants/get-tenant-connections";
import { formatDateTime } from "@/lib/utils/format";

/** One load per request, shared by the title and the page. */
const loadTenant = cache((id: string) => getTenantConnections(id));

/** The title names the tenant; only an admin gets that far (anyone else: the 404). */
export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  await requireAdmin(`/admin/tenants/${id}`);
  const tenant = await loadTenant(id).catch(() => null);
  return { title: tenant ? `${tenant.name} · Tenant` : "Tenant" };
}

export default async function AdminTenantPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ selfAuthorized?: string }> }) {
  const [{ id }, { selfAuthorized }] = await Promise.all([params, searchParams]);
  await requireAdmin(`/admin/tenants/${id}`);
  const tenant = await loadTenant(id).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });
  const links = await listRecentConnectLinks(tenant.id);
  const [conflicts, suppression] = await Promise.all([listOpenIdentityConflicts({ authorizationIds: tenant.authorizations.map((a) => a.id) }), findSuppression(tenant.contactEmail)]);
  return (
    <div className="space-y-6">
      <Link href="/admin" className="text-sm text-muted-foreground hover:text-foreground">
        ← Tenants
      </Link>
      {selfAuthorized && (
        <Alert variant="success">
          <CheckCircle2 aria-hidden />
          <AlertTitle>Self-authorization verified and stored</AlertTitle>
          <AlertDescription>Token fingerprint {selfAuthorized}. The token itself will not be shown again.</AlertDescription>
        </Alert>
      )}
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{tenant.name}</h1>
          <p className="text-muted-foreground">
            {tenant.kind === "SELLER" ? "Seller" : "Vendor"} · {tenant.contactEmail}
            {tenant.externalId && (
              <>
                {" "}
                · External id <span className="font-mono text-sm" data-testid="tenant-external-id">{tenant.externalId}</span>
              </>
            )}
          </p>
        </div>
        <Button asChild variant="outline">
          <Link href={`/admin/self-authorize?tenant=${tenant.id}`}>Add self-authorization</Link>
        </Button>
      </div>
      {suppression && (
        <Alert variant="destructive" data-testid="tenant-email-problem">
          <MailWarning aria-hidden />
          <AlertTitle>{suppression.reason === "complained" ? `${tenant.contactEmail} marked our email as spam` : `Email to ${tenant.contactEmail} is bouncing`}</AlertTitle>
          <AlertDescription>{describeSuppression(suppression)}</AlertDescription>
        </Alert>
      )}
      {tenant.authorizations.length === 0 && <p className="text-muted-foreground">No authorizations yet.</p>}
      {tenant.authorizations.map((a) => (
        <Card key={a.id}>
          <CardHeader className="flex-row items-center justify-between">
            <CardTitle className="text-base">
              {REGION_NAMES[a.region]} · <span className="font-mono text-sm">{a.sellingPartnerId ?? "—"}</span>
            </CardTitle>
            <StatusBadge status={a.status} />
          </CardHeader>
          <CardContent className="space-y-4">
            <dl className="grid gap-3 text-sm sm:grid-cols-3">
              <div>
                <dt className="text-muted-foreground">Type</dt>
                <dd className="font-medium">{a.authType === "SELF" ? "Self-authorization" : a.authType === "APPSTORE" ? "Appstore" : "Website"}</dd>
              </div>
              <div>
                <dt className="text-muted-foreground">Token fingerprint</dt>
                <dd className="font-mono font-medium">{a.refreshTokenFingerprint ?? "—"}</dd>
              </div>
              <div>
                <dt className="text-muted-foreground">Renewal due</dt>
                <dd className="font-medium">{renewalDetail(a)}</dd>
              </div>
              <div>
                <dt className="text-muted-foreground">Last test</dt>
                <dd className="font-medium">{lastTestDetail(a).text}</dd>
              </div>
              <div>
                <dt className="text-muted-foreground">Last refresh</dt>
                <dd className="font-medium">{formatDateTime(a.lastRefreshAt)}{a.lastRefreshError ? ` (${a.lastRefreshError})` : ""}</dd>
              </div>
              <div>
                <dt className="text-muted-foreground">Marketplaces</dt>
                <dd className="font-medium">{a.marketplaceIds.map((m) => findMarketplace(m)?.country ?? m).join(", ") || "—"}</dd>
              </div>
            </dl>
            {a.statusReason && <p className="text-sm text-muted-foreground">{a.statusReason}</p>}
            {conflicts
              .filter((c) => c.claim.authorizationId === a.id || c.holder?.authorizationId === a.id)
              .map((c) => (
                <IdentityConflictNotice key={c.id} conflict={c} authorizationId={a.id} />
              ))}
            {a.status === "ACTIVE" && <AdminTestButton authorizationId={a.id} />}
            {a.status !== "IDENTITY_CONFLICT" && <LifecycleActions authorizationId={a.id} status={a.status} />}
          </CardContent>
        </Card>
      ))}
      {links.length > 0 && (
        <Card>
          <CardHeader>
            <CardTitle className="text-base">Recent connect links</CardTitle>
          </CardHeader>
          <CardContent>
            <ul className="space-y-1 text-sm" aria-label="Recent connect links">
              {links.map((link) => (
                <li key={link.id}>
                  {formatDateTime(link.createdAt)} · {REGION_NAMES[link.region]} · {link.flow === "CONNECT" ? "connect" : "reauthorize"} ·{" "}
                  <span className="font-medium">{connectLinkState(link)}</span>
                  {link.returnOrigin && <span className="text-muted-foreground"> · returns to {link.returnOrigin}</span>}
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>
      )}
    </div>
  );
}
