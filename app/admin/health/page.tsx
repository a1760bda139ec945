import type { Metadata } from "next";
import Link from "next/link";
import { MonitoringNav } from "@/components/admin/monitoring/monitoring-nav";
import { CheckCell, StandingBadge } from "@/components/admin/monitoring/standing-badge";
import { PreflightPanel } from "@/components/admin/preflight-panel";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireAdmin } from "@/lib/auth/session";
import { missingEmailProviderWarning } from "@/lib/email/mode";
import { getAuthzHealth } from "@/lib/health/get-authz-health";
import { idSchema } from "@/lib/http/ids";
import { formatDateTime } from "@/lib/utils/format";

export const metadata: Metadata = { title: "Health" };

const OVERALL_COPY = {
  ok: "Everything checks out.",
  warn: "Nothing is broken, but something needs attention soon.",
  fail: "Something is broken: the failing checks below say what to fix.",
} as const;

export default async function HealthPage({ searchParams }: { searchParams: Promise<{ show?: string; preflight?: string }> }) {
  await requireAdmin("/admin/health");
  const { show, preflight } = await searchParams;
  const showAll = show === "all";
  const report = await getAuthzHealth({ include: showAll ? "all" : "problems", limit: 200 });
  // A preflight id that cannot be an id (control characters, too long) shows nothing, as an unknown one does.
  const preflightId = idSchema.safeParse(preflight);
  const preflightFor = preflightId.success ? (await getAuthzHealth({ authorizationId: preflightId.data, include: "all" })).authorizations[0] : undefined;
  const emailWarning = missingEmailProviderWarning();
  return (
    <div className="space-y-6">
      <MonitoringNav current="/admin/health" />
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Health</h1>
        <p className="mt-2 text-muted-foreground">
          The on-call checklist on one screen: token, roles against the ledger, vendor linkage, the client secret and billing. Checked from Latchkey&apos;s own records, without calling
          Amazon; a probe reads the same at <code className="font-mono text-sm">/api/health/authz</code>.
        </p>
      </div>
      {emailWarning && (
        <Alert variant="destructive" data-testid="email-provider-warning">
          <AlertTitle>No email provider</AlertTitle>
          <AlertDescription>{emailWarning}</AlertDescription>
        </Alert>
      )}
      {preflightFor && (
        <div className="space-y-2">
          <p className="text-sm text-muted-foreground">
            Preflight for {preflightFor.tenantName} ({preflightFor.region}, selling partner <span className="font-mono">{preflightFor.sellingPartnerId ?? "not known yet"}</span>)
          </p>
          <PreflightPanel authorizationId={preflightFor.authorizationId} />
        </div>
      )}
      <Card>
        <CardHeader className="flex-row items-center justify-between">
          <CardTitle className="text-base">Overall</CardTitle>
          <StandingBadge status={report.overall} />
        </CardHeader>
        <CardContent className="space-y-4 text-sm">
          <p>{OVERALL_COPY[report.overall]}</p>
          <dl className="grid gap-3 sm:grid-cols-5" data-testid="health-counts">
            {(
              [
                ["OK", report.counts.ok],
                ["Need attention", report.counts.warn],
                ["Failing", report.counts.fail],
                ["Not connected yet", report.counts.pending],
                ["Revoked", report.counts.revoked],
              ] as const
            ).map(([label, value]) => (
              <div key={label}>
                <dt className="text-muted-foreground">{label}</dt>
                <dd className="text-lg font-semibold">{value}</dd>
              </div>
            ))}
          </dl>
          <div className="grid gap-4 sm:grid-cols-2">
            <div>
              <p className="font-medium">Client secret</p>
              <CheckCell check={report.appClient.clientSecret} />
              {report.appClient.clientSecret.status === "ok" && <p className="text-xs text-muted-foreground">{report.appClient.clientSecret.detail}</p>}
            </div>
            <div>
              <p className="font-medium">Billing and charge method</p>
              <CheckCell check={report.appClient.chargeMethod} />
              {report.appClient.chargeMethod.status === "ok" && <p className="text-xs text-muted-foreground">{report.appClient.chargeMethod.detail}</p>}
            </div>
          </div>
          <p className="text-xs text-muted-foreground">Checked {formatDateTime(new Date(report.generatedAt))}.</p>
        </CardContent>
      </Card>
      <div className="flex items-center justify-between">
        <h2 className="text-lg font-semibold">{showAll ? "Every live authorization" : "Authorizations that need attention"}</h2>
        <Link href={showAll ? "/admin/health" : "/admin/health?show=all"} className="text-sm underline underline-offset-4">
          {showAll ? "Show only problems" : "Show all"}
        </Link>
      </div>
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>Tenant</TableHead>
            <TableHead>Token</TableHead>
            <TableHead>Roles cover the ledger</TableHead>
            <TableHead>Vendor group</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {report.authorizations.map((a) => (
            <TableRow key={a.authorizationId}>
              <TableCell>
                <Link href={`/admin/tenants/${a.tenantId}`} className="font-medium underline-offset-4 hover:underline">
                  {a.tenantName}
                </Link>
                <p className="text-xs text-muted-foreground">
                  {a.kind === "SELLER" ? "Seller" : "Vendor"} · {a.region} · <span className="font-mono">{a.sellingPartnerId ?? "—"}</span>
                </p>
                <Link href={`/admin/health?preflight=${a.authorizationId}`} className="text-xs underline underline-offset-4">
                  Preflight
                </Link>
              </TableCell>
              <TableCell>
                <CheckCell check={a.checks.tokenValid} />
              </TableCell>
              <TableCell>
                <CheckCell check={a.checks.rolesCoverLedger} />
              </TableCell>
              <TableCell>
                <CheckCell check={a.checks.vendorLinked} />
              </TableCell>
            </TableRow>
          ))}
          {report.authorizations.length === 0 && (
            <TableRow>
              <TableCell colSpan={4} className="py-8 text-center text-muted-foreground">
                {showAll ? "No live authorizations yet." : "No authorization needs attention."}
              </TableCell>
            </TableRow>
          )}
        </TableBody>
      </Table>
      {report.truncated && <p className="text-sm text-muted-foreground">Only the first 200 are listed; the counts above include them all.</p>}
    </div>
  );
}
