import "server-only";
// The alert rules. Each one answers "which subjects are in trouble right now?" from the database alone
// (no Amazon call); the engine (evaluate-alerts.ts) turns the answers into alerts that open, stay open
// and resolve. A finding's message says what is wrong and what to do, in plain words.
import { describeAccountFingerprint } from "@/lib/authorizations/account-fingerprint";
import { listOpenIdentityConflicts } from "@/lib/authorizations/identity-conflicts";
import { db } from "@/lib/db/client";
import type { PartnerKind } from "@/lib/generated/prisma/client";
import { INTERNAL_OPERATIONS } from "@/lib/monitoring/record-latchkey-call";
import type { Ledger } from "@/lib/ledger/ledger";
import { readLedger } from "@/lib/ledger/read-ledger";
import { describeDaysUntil } from "@/lib/utils/format";
import type { AlertSettings } from "./settings";

export const ALERT_RULES = ["auth_401_spike", "forbidden_403_spike", "throttled_429_spike", "refresh_failing", "client_secret_expiring", "renewal_due", "charge_method_expiring", "scope_drift", "identity_conflict"] as const;
export type AlertRule = (typeof ALERT_RULES)[number];

export const RULE_LABELS: Record<AlertRule, string> = {
  auth_401_spike: "401 spike",
  forbidden_403_spike: "403 spike",
  throttled_429_spike: "429 spike",
  refresh_failing: "Token refresh failing",
  client_secret_expiring: "Client secret expiring",
  renewal_due: "Renewal due",
  charge_method_expiring: "Charge method expiring",
  scope_drift: "Scope drift",
  identity_conflict: "Identity conflict",
};

export interface Finding {
  subject: string;
  tenantId?: string | null;
  authorizationId?: string | null;
  title: string;
  message: string;
  details: Record<string, unknown>;
}

const MINUTE = 60_000;
const DAY = 86_400_000;

/** The first minute bucket that overlaps the rolling window ending at `now`. */
export function windowStart(now: Date, minutes: number): Date {
  return new Date(Math.floor((now.getTime() - minutes * MINUTE) / MINUTE) * MINUTE);
}

interface SpikeRow {
  tenantId: string;
  tenantName: string;
  kind: PartnerKind;
  total: bigint;
  operations: string[];
}

/** Tenants whose SP-API answers of one status class within the rolling window reach the threshold, with the operations hit most. */
async function findStatusSpikes(statusClass: "401" | "403" | "429", now: Date, threshold: number, windowMinutes: number): Promise<SpikeRow[]> {
  const since = windowStart(now, windowMinutes);
  return db.$queryRaw<SpikeRow[]>`
    SELECT a."tenantId", t."name" AS "tenantName", t."kind", SUM(b."count")::bigint AS "total",
      (ARRAY_AGG(b."operation" ORDER BY b."count" DESC))[1:20] AS "operations"
    FROM "SpApiCallBucket" b
    JOIN "Authorization" a ON a."id" = b."authorizationId"
    JOIN "Tenant" t ON t."id" = a."tenantId"
    WHERE b."statusClass" = ${statusClass} AND b."bucketStart" >= ${since} AND b."bucketStart" <= ${now}
    GROUP BY a."tenantId", t."name", t."kind"
    HAVING SUM(b."count") >= ${threshold}`;
}

/** The distinct operations of a spike, most-hit first, at most `max`. */
function topOperations(row: SpikeRow, max = 3): string[] {
  return [...new Set(row.operations)].slice(0, max);
}

async function find401Spikes(now: Date, settings: AlertSettings): Promise<Finding[]> {
  const rows = await findStatusSpikes("401", now, settings.threshold401, settings.window401Minutes);
  return rows.map((row) => ({
    subject: `tenant:${row.tenantId}`,
    tenantId: row.tenantId,
    title: `401 spike for ${row.tenantName}`,
    message: `Amazon refused ${row.total} SP-API calls with 401 (unauthorized) in the last ${settings.window401Minutes} minutes. Test the connection; if it fails, the partner most likely revoked the app or the token is broken: quarantine the tenant's jobs and ask the partner to reauthorize.`,
    details: { count401: Number(row.total), windowMinutes: settings.window401Minutes, threshold: settings.threshold401 },
  }));
}

async function find403Spikes(now: Date, settings: AlertSettings): Promise<Finding[]> {
  const rows = await findStatusSpikes("403", now, settings.threshold403, settings.window403Minutes);
  return rows.map((row) => {
    const operations = topOperations(row);
    const vendor = row.kind === "VENDOR";
    return {
      subject: `tenant:${row.tenantId}`,
      tenantId: row.tenantId,
      title: `403 spike for ${row.tenantName}`,
      message: `Amazon refused ${row.total} SP-API calls with 403 (forbidden) in the last ${settings.window403Minutes} minutes, most of them ${operations.join(", ")}. A 403 is not retried: check that the roles the partner granted cover these operations (the roles ledger on the health page), ${vendor ? "that the vendor group is still linked to the app in Vendor Central, " : ""}and test the connection; a revoked authorization answers 403 too, so if the test fails, ask the partner to reauthorize.`,
      details: { count403: Number(row.total), operations, windowMinutes: settings.window403Minutes, threshold: settings.threshold403, kind: row.kind },
    };
  });
}

async function find429Spikes(now: Date, settings: AlertSettings): Promise<Finding[]> {
  const rows = await findStatusSpikes("429", now, settings.threshold429, settings.window429Minutes);
  return rows.map((row) => {
    const operations = topOperations(row);
    return {
      subject: `tenant:${row.tenantId}`,
      tenantId: row.tenantId,
      title: `429 spike for ${row.tenantName}`,
      message: `Amazon throttled ${row.total} SP-API calls with 429 (too many requests) in the last ${settings.window429Minutes} minutes, most of them ${operations.join(", ")}. The jobs are calling faster than these operations' usage plan allows (rate and burst per selling partner, shown in Amazon's x-amzn-RateLimit-Limit header): slow or spread the jobs, send them through Latchkey's gateway so every worker shares one rate limit, or ask Amazon for a higher usage plan.`,
      details: { count429: Number(row.total), operations, windowMinutes: settings.window429Minutes, threshold: settings.threshold429 },
    };
  });
}

async function findRefreshFailures(_now: Date, settings: AlertSettings): Promise<Finding[]> {
  const rows = await db.authorization.findMany({
    where: { consecutiveFailures: { gte: settings.refreshFailures }, status: { in: ["ACTIVE", "REAUTH_REQUIRED", "QUARANTINED"] } },
    select: { id: true, tenantId: true, region: true, consecutiveFailures: true, lastRefreshError: true, tenant: { select: { name: true } } },
  });
  return rows.map((a) => ({
    subject: `authorization:${a.id}`,
    tenantId: a.tenantId,
    authorizationId: a.id,
    title: `Token refresh failing for ${a.tenant.name} (${a.region})`,
    message: `The last ${a.consecutiveFailures} token refreshes with Login with Amazon failed${a.lastRefreshError ? ` (${a.lastRefreshError})` : ""}. Latchkey keeps serving a still-valid token and retries with a cool-down; if Amazon is up, check the app client's secret and test the connection.`,
    details: { consecutiveFailures: a.consecutiveFailures, lastRefreshError: a.lastRefreshError },
  }));
}

async function findExpiringSecrets(now: Date, settings: AlertSettings): Promise<Finding[]> {
  const horizon = new Date(now.getTime() + settings.clientSecretDays * DAY);
  const secrets = await db.appClientSecret.findMany({
    where: { state: "CURRENT", expiresAt: { not: null, lte: horizon } },
    select: { appClientId: true, version: true, expiresAt: true, appClient: { select: { appName: true } } },
  });
  return secrets.map((s) => {
    const expired = s.expiresAt!.getTime() <= now.getTime();
    return {
      subject: `app-client:${s.appClientId}`,
      title: expired ? `The client secret of ${s.appClient.appName} has expired` : `The client secret of ${s.appClient.appName} expires ${describeDaysUntil(s.expiresAt!, now)}`,
      message: expired
        ? "Amazon no longer accepts the app's current client secret: no token can be refreshed. Rotate it now on the App client page, or enter the new secret from the Solution Provider Portal."
        : `The app's client secret (version ${s.version}) expires on ${s.expiresAt!.toISOString().slice(0, 10)}. Rotate it on the App client page before then; every token refresh stops working when it expires.`,
      details: { version: s.version, expiresAt: s.expiresAt!.toISOString() },
    };
  });
}

async function findRenewalsDue(now: Date, settings: AlertSettings): Promise<Finding[]> {
  const horizon = new Date(now.getTime() + settings.renewalDays * DAY);
  const rows = await db.authorization.findMany({
    where: { status: { in: ["ACTIVE", "REAUTH_REQUIRED"] }, renewalDueAt: { not: null, lte: horizon } },
    select: { id: true, tenantId: true, region: true, renewalDueAt: true, tenant: { select: { name: true } } },
  });
  return rows.map((a) => ({
    subject: `authorization:${a.id}`,
    tenantId: a.tenantId,
    authorizationId: a.id,
    title: `Renewal due for ${a.tenant.name} (${a.region}) ${describeDaysUntil(a.renewalDueAt!, now)}`,
    message: `Amazon's authorization for ${a.tenant.name} must be renewed by ${a.renewalDueAt!.toISOString().slice(0, 10)}, or its tokens stop working. Send the partner a reminder to reauthorize from their connection page.`,
    details: { renewalDueAt: a.renewalDueAt!.toISOString() },
  }));
}

async function findChargeMethodsExpiring(now: Date, settings: AlertSettings): Promise<Finding[]> {
  const horizon = new Date(now.getTime() + settings.chargeMethodDays * DAY);
  const clients = await db.appClient.findMany({
    where: { chargeMethodExpiresAt: { not: null, lte: horizon } },
    select: { id: true, appName: true, chargeMethodExpiresAt: true },
  });
  return clients.map((c) => ({
    subject: `app-client:${c.id}`,
    title: `The charge method of ${c.appName} expires ${describeDaysUntil(c.chargeMethodExpiresAt!, now)}`,
    message: `The payment method Amazon charges for this app expires on ${c.chargeMethodExpiresAt!.toISOString().slice(0, 10)}. Update it in the Solution Provider Portal, then record the new expiry on the App client page; a lapsed charge method can suspend the app's access.`,
    details: { chargeMethodExpiresAt: c.chargeMethodExpiresAt!.toISOString() },
  }));
}

/** Operations called for one authorization that the roles ledger does not list for its kind, or whose roles it lacks. */
export function driftingOperations(ledger: Ledger, kind: PartnerKind, grantedRoles: readonly string[], operations: readonly string[]): { notInLedger: string[]; notGranted: string[] } {
  const entries = new Map(ledger.forKind(kind).map((entry) => [entry.operation, entry]));
  const notInLedger: string[] = [];
  const notGranted: string[] = [];
  for (const operation of [...new Set(operations)].sort()) {
    if (INTERNAL_OPERATIONS.has(operation)) continue;
    const entry = entries.get(operation);
    if (!entry) notInLedger.push(operation);
    else if (!entry.roles.some((role) => grantedRoles.includes(role))) notGranted.push(operation);
  }
  return { notInLedger, notGranted };
}

async function findScopeDrift(now: Date, settings: AlertSettings): Promise<Finding[]> {
  const since = new Date(now.getTime() - settings.scopeDriftHours * 3_600_000);
  const ledger = await readLedger();
  const rows = await db.$queryRaw<{ authorizationId: string; operation: string; tenantId: string; tenantName: string; kind: PartnerKind; region: string; roles: string[] }[]>`
    SELECT DISTINCT b."authorizationId", b."operation", a."tenantId", t."name" AS "tenantName", t."kind", a."region"::text AS "region", a."roles"
    FROM "SpApiCallBucket" b
    JOIN "Authorization" a ON a."id" = b."authorizationId"
    JOIN "Tenant" t ON t."id" = a."tenantId"
    WHERE b."bucketStart" >= ${since} AND b."bucketStart" <= ${now}`;
  const byAuthorization = new Map<string, { rows: typeof rows }>();
  for (const row of rows) {
    const group = byAuthorization.get(row.authorizationId) ?? { rows: [] };
    group.rows.push(row);
    byAuthorization.set(row.authorizationId, group);
  }
  const findings: Finding[] = [];
  for (const [authorizationId, { rows: group }] of byAuthorization) {
    const first = group[0]!;
    const drift = driftingOperations(ledger, first.kind, first.roles, group.map((r) => r.operation));
    if (drift.notInLedger.length === 0 && drift.notGranted.length === 0) continue;
    const parts: string[] = [];
    if (drift.notInLedger.length) parts.push(`${drift.notInLedger.join(", ")} ${drift.notInLedger.length === 1 ? "is" : "are"} not in the roles ledger`);
    if (drift.notGranted.length) parts.push(`${drift.notGranted.join(", ")} need${drift.notGranted.length === 1 ? "s" : ""} a role the partner did not grant`);
    findings.push({
      subject: `authorization:${authorizationId}`,
      tenantId: first.tenantId,
      authorizationId,
      title: `Scope drift for ${first.tenantName} (${first.region})`,
      message: `Calls were made in the last ${settings.scopeDriftHours} hours that the app never asked the partner for: ${parts.join("; ")}. Either stop the job making them, or add the operation and its role to the ledger and have the partner reauthorize.`,
      details: { notInLedger: drift.notInLedger, notGranted: drift.notGranted },
    });
  }
  return findings;
}

/** Every open identity conflict, until an admin keeps one side (the claim is held without tokens meanwhile). */
async function findIdentityConflicts(): Promise<Finding[]> {
  const conflicts = await listOpenIdentityConflicts();
  return conflicts.map((c) => ({
    subject: `identity-conflict:${c.id}`,
    tenantId: c.claim.tenantId,
    authorizationId: c.claim.authorizationId,
    title: c.holder
      ? `Identity conflict: ${c.claim.tenantName} claims ${c.sellingPartnerId} (${c.region}), held by ${c.holder.tenantName}`
      : `Identity conflict: ${c.claim.tenantName} reauthorized ${c.sellingPartnerId} (${c.region}) with a different account`,
    message: `${c.holder ? `${c.claim.tenantName}'s consent claims the selling account that ${c.holder.tenantName} already holds` : `${c.claim.tenantName}'s reauthorization reads a different account than the one stored`}. Amazon does not sign the selling partner id in the redirect, so one side may be another seller's account. The claim is stored but serves no tokens; ${c.holder ? `${c.holder.tenantName}'s connection keeps working` : "the tenant's jobs are paused"}. Claim: ${describeAccountFingerprint(c.claim.fingerprint)}. ${c.holder ? "Holder" : "Before"}: ${describeAccountFingerprint(c.heldFingerprint)}. Compare them on the authorization page, keep one and revoke the other.`,
    details: { sellingPartnerId: c.sellingPartnerId, region: c.region, kind: c.kind, heldBy: c.holder?.authorizationId ?? null },
  }));
}

export const RULE_FINDERS: Record<AlertRule, (now: Date, settings: AlertSettings) => Promise<Finding[]>> = {
  auth_401_spike: find401Spikes,
  forbidden_403_spike: find403Spikes,
  throttled_429_spike: find429Spikes,
  refresh_failing: findRefreshFailures,
  client_secret_expiring: findExpiringSecrets,
  renewal_due: findRenewalsDue,
  charge_method_expiring: findChargeMethodsExpiring,
  scope_drift: findScopeDrift,
  identity_conflict: findIdentityConflicts,
};

export function isAlertRule(value: unknown): value is AlertRule {
  return typeof value === "string" && (ALERT_RULES as readonly string[]).includes(value);
}
