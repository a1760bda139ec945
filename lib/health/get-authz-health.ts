import "server-only";
// The health of every live authorization and of the app client, from the database alone: cheap enough
// for an hourly external probe (one query for authorizations, one for the app client, the cached roles ledger; no Amazon call).
import { readAlertSettings } from "@/lib/alerts/settings";
import { db } from "@/lib/db/client";
import { idSchema } from "@/lib/http/ids";
import type { Ledger } from "@/lib/ledger/ledger";
import { readLedger } from "@/lib/ledger/read-ledger";
import type { AuthorizationStatus, PartnerKind, Prisma, Region } from "@/lib/generated/prisma/client";
import { checkChargeMethod, checkClientSecret, checkRoles, checkToken, checkVendorLink, worst, type Check, type Standing, type Thresholds } from "./checks";

export interface AuthorizationHealth {
  authorizationId: string;
  tenantId: string;
  tenantName: string;
  kind: PartnerKind;
  region: Region;
  sellingPartnerId: string | null;
  status: AuthorizationStatus;
  overall: Standing;
  checks: { tokenValid: Check; rolesCoverLedger: Check; vendorLinked: Check };
}

export interface AuthzHealthReport {
  generatedAt: string;
  overall: Standing;
  appClient: { clientSecret: Check; chargeMethod: Check };
  /** Live authorizations (ACTIVE, REAUTH_REQUIRED, QUARANTINED) by verdict; pending and revoked ones are counted apart. */
  counts: { ok: number; warn: number; fail: number; pending: number; revoked: number };
  /** Only those not ok, unless `include: "all"`; at most `limit`. */
  authorizations: AuthorizationHealth[];
  truncated: boolean;
}

export interface AuthzHealthQuery {
  include?: "problems" | "all";
  authorizationId?: string;
  tenantId?: string;
  limit?: number;
  now?: Date;
}

const LIVE: AuthorizationStatus[] = ["ACTIVE", "REAUTH_REQUIRED", "QUARANTINED"];

function thresholds(): Thresholds {
  const s = readAlertSettings();
  return { refreshFailures: s.refreshFailures, renewalDays: s.renewalDays, clientSecretDays: s.clientSecretDays, chargeMethodDays: s.chargeMethodDays };
}

const authorizationSelect = {
  id: true,
  tenantId: true,
  region: true,
  sellingPartnerId: true,
  status: true,
  statusReason: true,
  roles: true,
  refreshTokenCiphertext: true,
  consecutiveFailures: true,
  lastRefreshError: true,
  lastConnectivityOk: true,
  renewalDueAt: true,
  tenant: { select: { name: true, kind: true, quarantinedAt: true } },
} satisfies Prisma.AuthorizationSelect;

type Row = Prisma.AuthorizationGetPayload<{ select: typeof authorizationSelect }>;

export function authorizationHealth(row: Row, now: Date, t: Thresholds, ledger: Ledger): AuthorizationHealth {
  const state = {
    status: row.status,
    statusReason: row.statusReason,
    kind: row.tenant.kind,
    sellingPartnerId: row.sellingPartnerId,
    roles: row.roles,
    hasRefreshToken: row.refreshTokenCiphertext !== null,
    tenantQuarantined: row.tenant.quarantinedAt !== null,
    consecutiveFailures: row.consecutiveFailures,
    lastRefreshError: row.lastRefreshError,
    lastConnectivityOk: row.lastConnectivityOk,
    renewalDueAt: row.renewalDueAt,
  };
  const checks = { tokenValid: checkToken(state, now, t), rolesCoverLedger: checkRoles(state, ledger), vendorLinked: checkVendorLink(state) };
  return {
    authorizationId: row.id,
    tenantId: row.tenantId,
    tenantName: row.tenant.name,
    kind: row.tenant.kind,
    region: row.region,
    sellingPartnerId: row.sellingPartnerId,
    status: row.status,
    overall: worst(Object.values(checks)),
    checks,
  };
}

export async function getAppClientHealth(now = new Date(), t = thresholds()): Promise<AuthzHealthReport["appClient"]> {
  const app = await db.appClient.findFirst({
    orderBy: { createdAt: "asc" },
    select: { billingStatus: true, chargeMethodExpiresAt: true, secrets: { where: { state: "CURRENT" }, select: { expiresAt: true }, orderBy: { version: "desc" }, take: 1 } },
  });
  return { clientSecret: checkClientSecret(app?.secrets[0] ?? null, now, t), chargeMethod: checkChargeMethod(app, now, t) };
}

export async function getAuthzHealth(query: AuthzHealthQuery = {}): Promise<AuthzHealthReport> {
  // An id that cannot exist (a NUL, a stray `%`) is refused here, before PostgreSQL sees it.
  if (query.authorizationId !== undefined) idSchema.parse(query.authorizationId);
  const now = query.now ?? new Date();
  const t = thresholds();
  const limit = query.limit ?? 500;
  const scope: Prisma.AuthorizationWhereInput = {
    ...(query.authorizationId ? { id: query.authorizationId } : {}),
    ...(query.tenantId ? { tenantId: query.tenantId } : {}),
  };
  const [appClient, rows, others, ledger] = await Promise.all([
    getAppClientHealth(now, t),
    db.authorization.findMany({ where: { ...scope, status: { in: LIVE } }, select: authorizationSelect, orderBy: { id: "asc" } }),
    db.authorization.groupBy({ by: ["status"], where: { ...scope, status: { in: ["PENDING", "REVOKED"] } }, _count: { _all: true } }),
    readLedger(),
  ]);
  const counts = { ok: 0, warn: 0, fail: 0, pending: 0, revoked: 0 };
  for (const group of others) counts[group.status === "PENDING" ? "pending" : "revoked"] = group._count._all;
  const listed: AuthorizationHealth[] = [];
  let truncated = false;
  for (const row of rows) {
    const health = authorizationHealth(row, now, t, ledger);
    counts[health.overall]++;
    if (query.include !== "all" && health.overall === "ok" && !query.authorizationId) continue;
    if (listed.length >= limit) truncated = true;
    else listed.push(health);
  }
  // A single authorization asked for by id is reported whatever its status.
  if (query.authorizationId && rows.length === 0) {
    const row = await db.authorization.findFirst({ where: scope, select: authorizationSelect });
    if (row) listed.push(authorizationHealth(row, now, t, ledger));
  }
  const order: Record<Standing, number> = { fail: 0, warn: 1, ok: 2 };
  listed.sort((a, b) => order[a.overall] - order[b.overall] || a.tenantName.localeCompare(b.tenantName));
  const verdicts: Standing[] = [worst([appClient.clientSecret, appClient.chargeMethod]), ...listed.map((h) => h.overall)];
  if (counts.fail) verdicts.push("fail");
  if (counts.warn) verdicts.push("warn");
  const overall: Standing = verdicts.includes("fail") ? "fail" : verdicts.includes("warn") ? "warn" : "ok";
  return { generatedAt: now.toISOString(), overall, appClient, counts, authorizations: listed, truncated };
}
