import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { notFound } from "next/navigation";
import { AdminTestButton } from "@/components/admin/admin-test-button";
import { ForceRefreshButton } from "@/components/admin/force-refresh-button";
import { IdentityConflictNotice } from "@/components/admin/identity-conflict-notice";
import { LifecycleActions } from "@/components/admin/lifecycle-actions";
import { OutcomeCharts } from "@/components/admin/monitoring/outcome-charts";
import { PreflightPanel } from "@/components/admin/preflight-panel";
import { StatusBadge } from "@/components/connect/status-badge";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { describeProblems, describeRefreshError } from "@/lib/dashboard/describe-health";
import { ADMIN_STATUS_EXPLANATIONS } from "@/lib/dashboard/explain-status";
import { getAuthorizationDetail } from "@/lib/dashboard/get-authorization-detail";
import { RECENT_OUTCOMES_HOURS } from "@/lib/dashboard/recent-spapi-outcomes";
import { findMarketplace } from "@/lib/amazon/marketplaces";
import { requireAdmin } from "@/lib/auth/session";
import { listOpenIdentityConflicts } from "@/lib/authorizations/identity-conflicts";
import { lastTestDetail, renewalDetail } from "@/lib/authorizations/status-details";
import { REGION_NAMES } from "@/lib/amazon/regions";
import { STATUS_COPY } from "@/lib/authorizations/status-copy";
import { ACTOR_LABELS, auditOutcome } from "@/lib/audit/audit-entry-copy";
import { auditLabel } from "@/lib/audit/event-registry";
import { isAppError } from "@/lib/errors";
import { LATCHKEY_OPERATIONS } from "@/lib/monitoring/record-latchkey-call";
import { formatDate, formatDateTime } from "@/lib/utils/format";
import { countOf } from "@/lib/utils/plural";

/** One load per request, shared by the title and the page. */
const loadDetail = cache((id: string) => getAuthorizationDetail(id));

/** The title says whose authorization this is; only an admin gets that far (anyone else: the 404). */
export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  await requireAdmin(`/admin/authorizations/${id}`);
  const detail = await loadDetail(id).catch(() => null);
  return { title: detail ? `${detail.tenant.name} · ${REGION_NAMES[detail.authorization.region]} · Authorization` : "Authorization" };
}

const AUTH_TYPES = { SELF: "Self-authorization", APPSTORE: "Appstore", WEBSITE: "Website" } as const;

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="font-medium">{children}</dd>
    </div>
  );
}

function minutesFrom(value: Date, now: Date): string {
  const minutes = Math.round((value.getTime() - now.getTime()) / 60_000);
  if (minutes > 0) return `in ${minutes} min`;
  if (minutes === 0) return "now";
  return `${-minutes} min ago`;
}

/** "2 SP-API calls; all succeeded. 1 token refresh." — the count is the "SP-API calls" tile's (refreshes apart). */
function describeRecentCalls(total: number, failing: [string, number][], refreshes: { total: number; failed: number }): string {
  const calls =
    total === 0
      ? "No SP-API calls reported for this authorization."
      : `${countOf(total, "SP-API call")}; ${failing.length ? failing.map(([status, n]) => `${n.toLocaleString("en-US")} × ${status === "network" ? "no answer" : status}`).join(", ") : total === 1 ? "it succeeded" : "all succeeded"}.`;
  if (refreshes.total === 0) return calls;
  return `${calls} ${countOf(refreshes.total, { one: "token refresh", other: "token refreshes" })}${refreshes.failed ? ` (${refreshes.failed.toLocaleString("en-US")} failed)` : ""}.`;
}

export default async function AuthorizationDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireAdmin(`/admin/authorizations/${id}`);
  const detail = await loadDetail(id).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });
  const { authorization: a, tenant, token, timeline, ledger, extraRoles, vendorLinkage, outcomes } = detail;

  const now = new Date();
  const explanation = ADMIN_STATUS_EXPLANATIONS[a.status];
  const conflicts = await listOpenIdentityConflicts({ authorizationIds: [a.id] });
  const problems = describeProblems({ ...a, tenantQuarantinedAt: tenant.quarantinedAt, identityConflict: conflicts.length > 0 });
  const uncovered = ledger.filter((l) => !l.covered);
  const failingCalls = Object.entries(outcomes.byStatus).filter(([status]) => status !== "2xx");
  // A refresh refused with invalid_grant revokes the authorization instead of recording an error.
  const revokedByAmazon = timeline.find((e) => e.action === "authorization.revoked" && (e.details as { reason?: string } | null)?.reason === "invalid_grant");
  const refreshOutcome = a.lastRefreshError === "invalid_grant"
    ? `Refused: ${describeRefreshError("invalid_grant")}`
    : a.lastRefreshError
    ? `Failed: ${describeRefreshError(a.lastRefreshError)}`
    : a.status === "REVOKED" && a.revokedAt && (!a.lastRefreshAt || a.revokedAt >= a.lastRefreshAt)
      ? revokedByAmazon
        ? `Refused: ${describeRefreshError("invalid_grant")}`
        : "None since it was disconnected"
      : a.lastRefreshAt
        ? "Succeeded"
        : "No refresh yet";
  return (
    <div className="space-y-6">
      <Link href="/admin" className="text-sm text-muted-foreground hover:text-foreground">
        ← Tenants and authorizations
      </Link>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">
            {tenant.name} · {REGION_NAMES[a.region]}
          </h1>
          <p className="text-muted-foreground">
            {tenant.kind === "SELLER" ? "Seller" : "Vendor"} · {tenant.contactEmail} ·{" "}
            <Link href={`/admin/tenants/${tenant.id}`} className="text-primary underline underline-offset-2 hover:no-underline">
              Tenant page
            </Link>
          </p>
        </div>
        <StatusBadge status={a.status} />
      </div>

      <Card>
        <CardHeader>
          <CardTitle className="text-base" data-testid="status-title">
            {STATUS_COPY[a.status].label}
            {problems.length > 0 ? " — needs attention" : ""}
          </CardTitle>
          <CardDescription>{explanation.meaning}</CardDescription>
        </CardHeader>
        <CardContent className="space-y-3 text-sm">
          {a.statusReason && (
            <p>
              <span className="text-muted-foreground">Reason: </span>
              {a.statusReason}
            </p>
          )}
          {problems.length > 0 && (
            <ul className="list-disc pl-5 text-destructive" data-testid="problems">
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
          <p>
            <span className="text-muted-foreground">What fixes it: </span>
            {explanation.fix}
          </p>
          {conflicts.map((c) => (
            <IdentityConflictNotice key={c.id} conflict={c} authorizationId={a.id} resolvable />
          ))}
        </CardContent>
      </Card>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle className="text-base">Token</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="grid gap-3 text-sm sm:grid-cols-2">
              <Field label="Access token">
                {token.expiresAt ? (token.fresh ? `Cached, expires ${minutesFrom(token.expiresAt, now)}` : `Expired ${minutesFrom(token.expiresAt, now)}`) : "None cached"}
              </Field>
              <Field label="Cached token obtained">{formatDateTime(token.refreshedAt)}</Field>
              <Field label="Last successful refresh">{formatDateTime(a.lastRefreshAt)}</Field>
              <Field label="Last refresh outcome">
                <span data-testid="last-refresh-outcome">
                  {refreshOutcome}
                </span>
              </Field>
              <Field label="Failed refreshes in a row">{a.consecutiveFailures}</Field>
              <Field label="Refresh paused until">{a.refreshCooldownUntil && a.refreshCooldownUntil > now ? formatDateTime(a.refreshCooldownUntil) : "—"}</Field>
              <Field label="Refresh token fingerprint">
                <span className="font-mono">{a.refreshTokenFingerprint ?? "—"}</span>
              </Field>
              <Field label="Last used by a worker">{formatDateTime(a.lastUsedAt)}</Field>
            </dl>
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle className="text-base">Authorization</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="grid gap-3 text-sm sm:grid-cols-2">
              <Field label="Selling partner ID">
                <span className="font-mono">{a.sellingPartnerId ?? "—"}</span>
              </Field>
              <Field label="Type">{AUTH_TYPES[a.authType]}</Field>
              <Field label="Authorized">{formatDateTime(a.authorizedAt)}</Field>
              <Field label="Renewal due">
                <span data-testid="renewal-due">{renewalDetail(a, now)}</span>
              </Field>
              <Field label="Last connection test">
                <span data-testid="last-test">{lastTestDetail(a).text}</span>
              </Field>
              <Field label="Marketplaces">{a.marketplaceIds.map((m) => findMarketplace(m)?.country ?? m).join(", ") || "—"}</Field>
              <Field label="Vendor group">
                {vendorLinkage.applies
                  ? vendorLinkage.vendorGroupId
                    ? `${vendorLinkage.vendorGroupId}${vendorLinkage.lastTestOk === false ? " (last purchase-order test failed: check the link in Vendor Central)" : vendorLinkage.lastTestOk ? " (linked: purchase orders readable)" : " (not tested yet)"}`
                    : "Not linked: no vendor group id recorded"
                  : "Not applicable (seller)"}
              </Field>
              <Field label="Inactive since">{formatDate(a.inactiveSince)}</Field>
            </dl>
          </CardContent>
        </Card>
      </div>

      <Card>
        <CardHeader>
          <CardTitle className="text-base">Actions</CardTitle>
          <CardDescription>Tests and refreshes are recorded in the timeline below.</CardDescription>
        </CardHeader>
        <CardContent className="space-y-4">
          {a.status === "ACTIVE" ? (
            <>
              <AdminTestButton authorizationId={a.id} />
              <ForceRefreshButton authorizationId={a.id} />
            </>
          ) : (
            <p className="text-sm text-muted-foreground">Testing and refreshing need a connected authorization. {explanation.fix}</p>
          )}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle className="text-base">Lifecycle</CardTitle>
          <CardDescription>Pause token issuance, lift a pause, ask the partner to authorize again, or revoke (the kill switch).</CardDescription>
        </CardHeader>
        <CardContent>
          {a.status === "IDENTITY_CONFLICT" ? <p className="text-sm text-muted-foreground">Resolve the identity conflict above first.</p> : <LifecycleActions authorizationId={a.id} status={a.status} />}
        </CardContent>
      </Card>

      {a.status === "ACTIVE" && <PreflightPanel authorizationId={a.id} />}

      <Card>
        <CardHeader>
          <CardTitle className="text-base">Roles and the ledger</CardTitle>
          <CardDescription>Every SP-API operation the app calls for {tenant.kind === "SELLER" ? "sellers" : "vendors"}, and whether a granted role covers it.</CardDescription>
        </CardHeader>
        <CardContent className="space-y-3 text-sm">
          <p>
            <span className="text-muted-foreground">Granted roles: </span>
            {a.roles.length ? a.roles.join(", ") : "none recorded"}
          </p>
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Operation</TableHead>
                <TableHead>Needs one of</TableHead>
                <TableHead>Covered</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {ledger.map(({ entry, covered }) => (
                <TableRow key={entry.operation}>
                  <TableCell className="font-mono text-xs">
                    {entry.method} {entry.path}
                    <span className="block font-sans text-muted-foreground">{entry.operation}</span>
                  </TableCell>
                  <TableCell>{entry.roles.join(" or ")}</TableCell>
                  <TableCell>{covered ? <Badge variant="success">Yes</Badge> : <Badge variant="destructive">Missing</Badge>}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {uncovered.length > 0 && <p className="text-destructive">{countOf(uncovered.length, "operation")} {uncovered.length === 1 ? "is" : "are"} not covered: calls to {uncovered.length === 1 ? "it" : "them"} will be refused. The partner must authorize again with the missing roles.</p>}
          {extraRoles.length > 0 && <p className="text-muted-foreground">Granted but not used by any ledger operation: {extraRoles.join(", ")}.</p>}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle className="text-base">SP-API calls, last {RECENT_OUTCOMES_HOURS} hours</CardTitle>
          <CardDescription>
            <span data-testid="calls-summary">{describeRecentCalls(outcomes.total, failingCalls, outcomes.refreshes)}</span>
          </CardDescription>
        </CardHeader>
        {outcomes.rows.length > 0 && (
          <CardContent className="space-y-4">
            <OutcomeCharts authorizationId={a.id} />
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>Operation</TableHead>
                  <TableHead>Answer</TableHead>
                  <TableHead className="text-right">Calls</TableHead>
                  <TableHead className="text-right">Average / slowest</TableHead>
                  <TableHead>Last</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {outcomes.rows.map((row) => (
                  <TableRow key={`${row.operation}-${row.statusClass}`}>
                    <TableCell className="font-mono text-xs">
                      {row.operation}
                      {row.operation === LATCHKEY_OPERATIONS.lwaRefresh && <span className="block font-sans text-muted-foreground">Token refresh (not an SP-API call)</span>}
                    </TableCell>
                    <TableCell>{row.statusClass === "network" ? "No answer" : row.statusClass}</TableCell>
                    <TableCell className="text-right">{row.count.toLocaleString("en-US")}</TableCell>
                    <TableCell className="text-right">
                      {row.averageLatencyMs} / {row.maxLatencyMs} ms
                    </TableCell>
                    <TableCell className="text-muted-foreground">{formatDateTime(row.lastMinute)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </CardContent>
        )}
      </Card>

      <Card>
        <CardHeader>
          <CardTitle className="text-base">Timeline</CardTitle>
          <CardDescription>
            {timeline.length === 0 ? "Events" : timeline.length === 1 ? "The only event" : `The latest ${countOf(timeline.length, "event")}`} of this authorization and its tenant.{" "}
            <Link href={`/admin/audit?tenant=${tenant.id}`} className="text-primary underline underline-offset-2 hover:no-underline">
              Full audit log
            </Link>
          </CardDescription>
        </CardHeader>
        <CardContent>
          <ol className="space-y-2 text-sm" data-testid="timeline">
            {timeline.map((event) => (
              <li key={event.id} className="flex flex-wrap gap-x-3">
                <span className="w-56 shrink-0 whitespace-nowrap text-muted-foreground">{formatDateTime(event.at)}</span>
                <span className="font-medium">{auditLabel(event.action)}</span>{" "}
                <span className="text-muted-foreground">by {ACTOR_LABELS[event.actorType]}</span>
                {auditOutcome(event.action, event.details) && " "}
                {auditOutcome(event.action, event.details) && <span className={(event.details as { ok?: boolean }).ok ? "text-success" : "text-destructive"}>{auditOutcome(event.action, event.details)}</span>}
              </li>
            ))}
            {timeline.length === 0 && <li className="text-muted-foreground">No events recorded yet.</li>}
          </ol>
        </CardContent>
      </Card>
    </div>
  );
}
