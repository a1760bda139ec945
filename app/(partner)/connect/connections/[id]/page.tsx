import { CheckCircle2, CircleAlert, Clock, RotateCcw } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { DisconnectForm, TestConnectionButton } from "@/components/connect/connection-actions";
import { StatusBadge } from "@/components/connect/status-badge";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { findMarketplace, marketplacesIn } from "@/lib/amazon/marketplaces";
import { requirePartner } from "@/lib/auth/session";
import { AUDIT_ACTION_LABELS } from "@/lib/audit/event-registry";
import { REGION_NAMES, REMOVE_APP_INSTRUCTIONS, STATUS_COPY } from "@/lib/authorizations/status-copy";
import { lastTestDetail, renewalDetail } from "@/lib/authorizations/status-details";
import { isAppError } from "@/lib/errors";
import { getConnection, getConnectionHistory } from "@/lib/tenants/get-tenant-connections";
import { formatDate, formatDateTime } from "@/lib/utils/format";

export const metadata: Metadata = { title: "Connection health" };

async function loadConnection(tenantId: string, id: string) {
  try {
    return await getConnection(tenantId, id);
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
}

export default async function ConnectionPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const [{ id }, flags] = await Promise.all([params, searchParams]);
  const user = await requirePartner(`/connect/connections/${id}`);
  if (!user.tenantId) redirect("/connect/register");
  const connection = await loadConnection(user.tenantId, id);
  const history = await getConnectionHistory(user.tenantId, id);
  const kind = connection.tenant.kind;
  const central = kind === "SELLER" ? "Seller Central" : "Vendor Central";
  const lastTest = lastTestDetail(connection);
  const marketplaceForRegion = connection.marketplaceIds[0] ?? marketplacesIn(connection.region)[0]!.id;

  return (
    <div className="space-y-6">
      <Link href="/connect" className="text-sm text-muted-foreground hover:text-foreground">
        ← All connections
      </Link>
      {flags.connected && connection.status === "ACTIVE" && (
        <Alert variant="success">
          <CheckCircle2 aria-hidden />
          <AlertTitle>Your {central} account is connected</AlertTitle>
          <AlertDescription>Everything is set. We tested the connection with Amazon just now.</AlertDescription>
        </Alert>
      )}
      {flags.reauthorized && connection.status === "ACTIVE" && (
        <Alert variant="success">
          <CheckCircle2 aria-hidden />
          <AlertTitle>Authorized again</AlertTitle>
          <AlertDescription>Your connection is renewed until {formatDate(connection.renewalDueAt)}.</AlertDescription>
        </Alert>
      )}
      {connection.status === "IDENTITY_CONFLICT" && (
        <Alert data-testid="under-review">
          <Clock aria-hidden />
          <AlertTitle>Your connection is under review</AlertTitle>
          <AlertDescription>{STATUS_COPY.IDENTITY_CONFLICT.explanation}</AlertDescription>
        </Alert>
      )}
      {flags.disconnected && connection.status === "REVOKED" && (
        <Alert>
          <CircleAlert aria-hidden />
          <AlertTitle>Disconnected</AlertTitle>
          <AlertDescription>
            We deleted the authorization token. To remove the app on Amazon&apos;s side as well: {REMOVE_APP_INSTRUCTIONS[kind]}
          </AlertDescription>
        </Alert>
      )}

      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">
            {central} · {REGION_NAMES[connection.region]}
          </h1>
          <p className="mt-1 font-mono text-sm text-muted-foreground" data-testid="selling-partner-id">
            {connection.sellingPartnerId ?? "—"}
          </p>
        </div>
        <StatusBadge status={connection.status} />
      </div>
      <p className="text-muted-foreground">{connection.statusReason ?? STATUS_COPY[connection.status].explanation}</p>

      <Card>
        <CardHeader>
          <CardTitle className="text-base">Health</CardTitle>
        </CardHeader>
        <CardContent>
          <dl className="grid gap-4 text-sm sm:grid-cols-2">
            <div>
              <dt className="text-muted-foreground">Last connection test</dt>
              <dd className="mt-1 flex items-center gap-1.5 font-medium" data-testid="last-test">
                {lastTest.ok === true && <CheckCircle2 className="size-4 text-success" aria-hidden />}
                {lastTest.ok === false && <CircleAlert className="size-4 text-destructive" aria-hidden />}
                {lastTest.text}
              </dd>
            </div>
            <div>
              <dt className="text-muted-foreground">Renewal due</dt>
              <dd className="mt-1 flex items-center gap-1.5 font-medium" data-testid="renewal-due">
                <Clock className="size-4 text-muted-foreground" aria-hidden />
                {renewalDetail(connection)}
              </dd>
            </div>
            <div>
              <dt className="text-muted-foreground">Connected</dt>
              <dd className="mt-1 font-medium">{formatDate(connection.authorizedAt)}</dd>
            </div>
            <div>
              <dt className="text-muted-foreground">Token fingerprint</dt>
              <dd className="mt-1 font-mono font-medium">{connection.refreshTokenFingerprint ?? "—"}</dd>
            </div>
            {kind === "SELLER" && (
              <div className="sm:col-span-2">
                <dt className="text-muted-foreground">Marketplaces Amazon reports you sell in</dt>
                <dd className="mt-1 font-medium" data-testid="marketplaces">
                  {connection.marketplaceIds.length ? connection.marketplaceIds.map((m) => findMarketplace(m)?.name ?? m).join(", ") : "—"}
                </dd>
              </div>
            )}
          </dl>
        </CardContent>
      </Card>

      <div className="flex flex-wrap gap-3">
        {connection.status === "ACTIVE" && <TestConnectionButton authorizationId={connection.id} />}
        {connection.status !== "PENDING" && (
          <Button asChild variant={connection.status === "ACTIVE" ? "outline" : "default"}>
            <Link href={`/connect/consent?marketplace=${marketplaceForRegion}${connection.status === "REVOKED" ? "" : "&reason=renewal"}`}>
              <RotateCcw aria-hidden /> {connection.status === "REVOKED" ? "Connect again" : "Authorize again"}
            </Link>
          </Button>
        )}
      </div>

      {connection.status !== "REVOKED" && connection.status !== "PENDING" && <DisconnectForm authorizationId={connection.id} central={central} />}

      <Card>
        <CardHeader>
          <CardTitle className="text-base">History</CardTitle>
        </CardHeader>
        <CardContent>
          <ol className="space-y-3 text-sm" aria-label="Connection history">
            {history.map((entry) => (
              <li key={String(entry.id)} className="flex justify-between gap-4 border-b pb-2 last:border-0">
                <span>{AUDIT_ACTION_LABELS[entry.action] ?? entry.action}</span>
                <time className="shrink-0 text-muted-foreground" dateTime={entry.at.toISOString()}>
                  {formatDateTime(entry.at)}
                </time>
              </li>
            ))}
          </ol>
        </CardContent>
      </Card>
    </div>
  );
}
