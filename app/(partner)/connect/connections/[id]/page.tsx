import { CheckCircle2, CircleAlert, Clock, RotateCcw } from "lucide-react";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { DisconnectForm, TestConnectionButton } from "@/components/connect/connection-actions";
import { StatusBadge } from "@/components/connect/status-badge";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { marketplacesIn } from "@/lib/amazon/marketplaces";
import { requirePartner } from "@/lib/auth/session";
import { AUDIT_ACTION_LABELS } from "@/lib/audit/event-registry";
import { describeLocalDaysUntil, formatLocalDate, formatLocalDateTime } from "@/lib/i18n/format";
import { marketplaceName } from "@/lib/i18n/marketplace-names";
import { isAppError } from "@/lib/errors";
import { getConnection, getConnectionHistory } from "@/lib/tenants/get-tenant-connections";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("connection"))("title") };
}

/** Statuses whose token, tests and renewal date are live (as in lib/authorizations/status-details.ts). */
const LIVE = new Set(["ACTIVE", "REAUTH_REQUIRED", "QUARANTINED", "IDENTITY_CONFLICT"]);

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
  const [history, t, locale] = await Promise.all([getConnectionHistory(user.tenantId, id), getTranslations(), getLocale()]);
  const kind = connection.tenant.kind;
  const central = t("common.central", { kind });
  const live = LIVE.has(connection.status);
  const lastTest =
    connection.status === "REVOKED"
      ? { text: t("connection.testNoneSinceDisconnected"), ok: null }
      : !live || !connection.lastConnectivityAt
        ? { text: t("connection.testNotYet"), ok: null }
        : { text: t("connection.testResult", { ok: String(connection.lastConnectivityOk), at: formatLocalDateTime(locale, connection.lastConnectivityAt) }), ok: connection.lastConnectivityOk };
  const renewal =
    connection.status === "REVOKED"
      ? t("connection.renewalNoneDisconnected")
      : !live || !connection.renewalDueAt
        ? "—"
        : t("connection.renewalDate", { date: formatLocalDate(locale, connection.renewalDueAt), when: describeLocalDaysUntil(locale, connection.renewalDueAt) });
  const historyLabel = (action: string) => {
    const key = action.replace(/\./g, "_");
    return t.has(`history.${key}` as "history.authorization_connected") ? t(`history.${key}` as "history.authorization_connected") : (AUDIT_ACTION_LABELS[action] ?? action);
  };
  const marketplaceForRegion = connection.marketplaceIds[0] ?? marketplacesIn(connection.region)[0]!.id;

  return (
    <div className="space-y-6">
      <Link href="/connect" className="text-sm text-muted-foreground hover:text-foreground">
        {t("common.allConnections")}
      </Link>
      {flags.connected && connection.status === "ACTIVE" && (
        <Alert variant="success">
          <CheckCircle2 aria-hidden />
          <AlertTitle>{t("connection.connectedTitle", { central })}</AlertTitle>
          <AlertDescription>{t("connection.connectedBody")}</AlertDescription>
        </Alert>
      )}
      {flags.reauthorized && connection.status === "ACTIVE" && (
        <Alert variant="success">
          <CheckCircle2 aria-hidden />
          <AlertTitle>{t("connection.reauthorizedTitle")}</AlertTitle>
          <AlertDescription>{t("connection.reauthorizedBody", { date: formatLocalDate(locale, connection.renewalDueAt) })}</AlertDescription>
        </Alert>
      )}
      {connection.status === "IDENTITY_CONFLICT" && (
        <Alert data-testid="under-review">
          <Clock aria-hidden />
          <AlertTitle>{t("connection.underReviewTitle")}</AlertTitle>
          <AlertDescription>{t("status.IDENTITY_CONFLICT.explanation")}</AlertDescription>
        </Alert>
      )}
      {flags.disconnected && connection.status === "REVOKED" && (
        <Alert>
          <CircleAlert aria-hidden />
          <AlertTitle>{t("connection.disconnectedTitle")}</AlertTitle>
          <AlertDescription>{t("connection.disconnectedBody", { instructions: t(`removeApp.${kind}`) })}</AlertDescription>
        </Alert>
      )}

      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">
            {central} · {t(`regions.${connection.region}`)}
          </h1>
          <p className="mt-1 font-mono text-sm text-muted-foreground" data-testid="selling-partner-id">
            {connection.sellingPartnerId ?? "—"}
          </p>
        </div>
        <StatusBadge status={connection.status} label={t(`status.${connection.status}.label`)} />
      </div>
      <p className="text-muted-foreground">{connection.statusReason ?? t(`status.${connection.status}.explanation`)}</p>

      <Card>
        <CardHeader>
          <CardTitle className="text-base">{t("connection.health")}</CardTitle>
        </CardHeader>
        <CardContent>
          <dl className="grid gap-4 text-sm sm:grid-cols-2">
            <div>
              <dt className="text-muted-foreground">{t("connection.lastTest")}</dt>
              <dd className="mt-1 flex items-center gap-1.5 font-medium" data-testid="last-test">
                {lastTest.ok === true && <CheckCircle2 className="size-4 text-success" aria-hidden />}
                {lastTest.ok === false && <CircleAlert className="size-4 text-destructive" aria-hidden />}
                {lastTest.text}
              </dd>
            </div>
            <div>
              <dt className="text-muted-foreground">{t("connection.renewalDue")}</dt>
              <dd className="mt-1 flex items-center gap-1.5 font-medium" data-testid="renewal-due">
                <Clock className="size-4 text-muted-foreground" aria-hidden />
                {renewal}
              </dd>
            </div>
            <div>
              <dt className="text-muted-foreground">{t("connection.connected")}</dt>
              <dd className="mt-1 font-medium">{formatLocalDate(locale, connection.authorizedAt)}</dd>
            </div>
            <div>
              <dt className="text-muted-foreground">{t("connection.fingerprint")}</dt>
              <dd className="mt-1 font-mono font-medium">{connection.refreshTokenFingerprint ?? "—"}</dd>
            </div>
            {kind === "SELLER" && (
              <div className="sm:col-span-2">
                <dt className="text-muted-foreground">{t("connection.marketplaces")}</dt>
                <dd className="mt-1 font-medium" data-testid="marketplaces">
                  {connection.marketplaceIds.length ? connection.marketplaceIds.map((m) => marketplaceName(locale, m)).join(", ") : "—"}
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
              <RotateCcw aria-hidden /> {connection.status === "REVOKED" ? t("connection.connectAgain") : t("connection.authorizeAgain")}
            </Link>
          </Button>
        )}
      </div>

      {connection.status !== "REVOKED" && connection.status !== "PENDING" && <DisconnectForm authorizationId={connection.id} central={central} />}

      <Card>
        <CardHeader>
          <CardTitle className="text-base">{t("connection.history")}</CardTitle>
        </CardHeader>
        <CardContent>
          <ol className="space-y-3 text-sm" aria-label={t("connection.historyLabel")}>
            {history.map((entry) => (
              <li key={String(entry.id)} className="flex justify-between gap-4 border-b pb-2 last:border-0">
                <span>{historyLabel(entry.action)}</span>
                <time className="shrink-0 text-muted-foreground" dateTime={entry.at.toISOString()}>
                  {formatLocalDateTime(locale, entry.at)}
                </time>
              </li>
            ))}
          </ol>
        </CardContent>
      </Card>
    </div>
  );
}
