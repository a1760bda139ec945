import "server-only";
// Preflight before a new authorization is enabled for jobs: the token works (one refresh through the token
// service, then one SP-API test call), the granted roles cover what the tenant's jobs use (the ledger's
// operations and any operation its jobs were seen calling), the vendor group is linked, and the app's
// billing and client secret are in standing. Each failed check says what to fix; the outcome is audited.
import { driftingOperations } from "@/lib/alerts/rules";
import { readAlertSettings } from "@/lib/alerts/settings";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { AppError, isAppError } from "@/lib/errors";
import type { ActorType, Authorization, PartnerKind } from "@/lib/generated/prisma/client";
import { checkChargeMethod, checkClientSecret } from "@/lib/health/checks";
import { logger } from "@/lib/log/logger";
import { readLedger } from "@/lib/ledger/read-ledger";
import { refreshAuthorizationAccessToken } from "@/lib/tokens/refresh-access-token";
import { testConnectivity } from "./test-connectivity";

export type PreflightCheckId = "token" | "roles" | "vendor" | "billing";

export interface PreflightCheck {
  id: PreflightCheckId;
  label: string;
  status: "pass" | "warn" | "fail" | "skipped";
  /** What was found and, when it failed, what to fix. */
  detail: string;
}

export interface PreflightResult {
  authorizationId: string;
  passed: boolean;
  at: string;
  /** "connection": run by onboarding as the account was connected; "manual": an admin ran it. */
  trigger: PreflightTrigger;
  checks: PreflightCheck[];
}

export type PreflightTrigger = "connection" | "manual";

/** The connectivity test that onboarding has just made with the token the consent (or pasted token) issued. */
export type ConnectedProbe = { ok: true } | { ok: false; message: string };

const LABELS: Record<PreflightCheckId, string> = {
  token: "The token works",
  roles: "Roles cover what the jobs use",
  vendor: "Vendor group linked",
  billing: "Billing and client secret in standing",
};

const JOB_HISTORY_MS = 7 * 86_400_000;

const TOKEN_FAILURES: Record<string, string> = {
  authorization_revoked: "Amazon no longer accepts this authorization: the partner must connect the account again.",
  reauthorization_required: "The authorization must be renewed: send the partner a reauthorization reminder.",
  authorization_pending: "The partner has not finished connecting: ask them to complete the consent on Amazon.",
  tenant_quarantined: "The tenant is quarantined: fix the cause and lift the quarantine first.",
  amazon_unavailable: "Login with Amazon did not answer: nothing is wrong with the authorization yet; run the preflight again in a few minutes.",
  app_client_rejected: "Amazon rejected the app's own credentials: check the client secret on the App client page.",
};

function check(id: PreflightCheckId, status: PreflightCheck["status"], detail: string): PreflightCheck {
  return { id, label: LABELS[id], status, detail };
}

type TokenCheck = { check: PreflightCheck; probe?: ConnectedProbe };

function tokenCheckFromConnection(kind: PartnerKind, probe: ConnectedProbe): TokenCheck {
  if (kind === "SELLER" && !probe.ok) return { check: check("token", "fail", `The connection issued a token, but Amazon refused the test call: ${probe.message}`), probe };
  return { check: check("token", "pass", kind === "SELLER" ? "The connection issued a token and Amazon answered a test call with it." : "The connection issued a token through Login with Amazon."), probe };
}

async function tokenCheckWithRefresh(
  authorization: Authorization & { tenant: { kind: PartnerKind; quarantinedAt: Date | null } },
  actor: { actorType: ActorType; actorId?: string | null; requestId?: string | null },
): Promise<TokenCheck> {
  const kind = authorization.tenant.kind;
  try {
    if (authorization.tenant.quarantinedAt) throw new AppError("tenant_quarantined");
    const token = await refreshAuthorizationAccessToken(authorization);
    const probe = await testConnectivity(authorization, { accessToken: token.accessToken, actorType: actor.actorType, actorId: actor.actorId ?? null, requestId: actor.requestId ?? null });
    if (kind === "SELLER" && !probe.ok) return { check: check("token", "fail", `A fresh token was issued, but Amazon refused the test call: ${probe.message}`), probe };
    return { check: check("token", "pass", kind === "SELLER" ? "A fresh token was issued and Amazon answered a test call with it." : "A fresh token was issued by Login with Amazon."), probe };
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { check: check("token", "fail", TOKEN_FAILURES[error.code] ?? error.message) };
  }
}

/**
 * `connected`: onboarding's own test call, made moments ago with the token the connection issued, stands in
 * for the token check, so connecting an account costs Amazon no second refresh and test call.
 */
export async function runPreflight(input: {
  authorizationId: string;
  actorType: ActorType;
  actorId?: string | null;
  requestId?: string | null;
  now?: Date;
  connected?: ConnectedProbe;
}): Promise<PreflightResult> {
  const now = input.now ?? new Date();
  const authorization = await db.authorization.findUnique({ where: { id: input.authorizationId }, include: { tenant: { select: { kind: true, quarantinedAt: true } } } });
  if (!authorization) throw new AppError("not_found");
  const kind = authorization.tenant.kind;
  const checks: PreflightCheck[] = [];

  // 1. The token works: onboarding's own test call, or one refresh through the token service and one SP-API call.
  const token = input.connected ? tokenCheckFromConnection(kind, input.connected) : await tokenCheckWithRefresh(authorization, input);
  checks.push(token.check);
  const probe = token.probe;

  // 2. The ledger's operations for this kind of partner, and whatever its jobs were seen calling lately.
  const ledger = await readLedger();
  const missing = ledger.uncoveredOperations(kind, authorization.roles);
  const seen = await db.spApiCallBucket.findMany({ where: { authorizationId: authorization.id, bucketStart: { gte: new Date(now.getTime() - JOB_HISTORY_MS) } }, select: { operation: true }, distinct: ["operation"] });
  const drift = driftingOperations(ledger, kind, authorization.roles, seen.map((s) => s.operation));
  const problems: string[] = [];
  if (missing.length) problems.push(`the partner did not grant ${[...new Set(missing.map((m) => m.roles[0]))].join(", ")} (needed for ${missing.map((m) => m.operation).join(", ")}): ask them to reauthorize and grant it`);
  if (drift.notInLedger.length) problems.push(`its jobs call ${drift.notInLedger.join(", ")}, which the roles ledger does not list: add it to the ledger with its role, or stop the job`);
  checks.push(problems.length ? check("roles", "fail", `${problems.join("; ")}.`) : check("roles", "pass", "The granted roles cover every operation of the ledger and every operation the jobs were seen calling."));

  // 3. Vendors: the purchase-order test call proves the vendor group is linked to the app.
  if (kind !== "VENDOR") checks.push(check("vendor", "skipped", "Sellers have no vendor group."));
  else if (!authorization.sellingPartnerId) checks.push(check("vendor", "fail", "No vendor group is linked: the vendor must connect through Vendor Central."));
  else if (!probe) checks.push(check("vendor", "fail", "The vendor group could not be tested because no token could be issued: fix the token first."));
  else if (!probe.ok) checks.push(check("vendor", "fail", `Amazon refused the purchase-order test call: ${probe.message} Check in Vendor Central that vendor group ${authorization.sellingPartnerId} is linked to the app.`));
  else checks.push(check("vendor", "pass", `Vendor group ${authorization.sellingPartnerId} answered a purchase-order test call.`));

  // 4. The app's own standing: billing, charge method and client secret (fail only on a failure, not a warning).
  const settings = readAlertSettings();
  const thresholds = { refreshFailures: settings.refreshFailures, renewalDays: settings.renewalDays, clientSecretDays: settings.clientSecretDays, chargeMethodDays: settings.chargeMethodDays };
  const app = await db.appClient.findFirst({ orderBy: { createdAt: "asc" }, select: { billingStatus: true, chargeMethodExpiresAt: true, secrets: { where: { state: "CURRENT" }, select: { expiresAt: true }, take: 1 } } });
  const billing = checkChargeMethod(app, now, thresholds);
  const secret = checkClientSecret(app?.secrets[0] ?? null, now, thresholds);
  const failing = [billing, secret].filter((c) => c.status === "fail");
  // A warning (billing not recorded, a secret expiring soon) does not block jobs, but must not read as "Passed".
  const warning = [billing, secret].some((c) => c.status === "warn");
  checks.push(failing.length ? check("billing", "fail", failing.map((c) => c.detail).join(" ")) : check("billing", warning ? "warn" : "pass", [billing, secret].map((c) => c.detail).join(" ")));

  const passed = checks.every((c) => c.status !== "fail");
  const trigger: PreflightTrigger = input.connected ? "connection" : "manual";
  await recordAuditEvent({
    action: passed ? "authorization.preflight_passed" : "authorization.preflight_failed",
    actorType: input.actorType,
    actorId: input.actorId ?? null,
    tenantId: authorization.tenantId,
    authorizationId: authorization.id,
    details: { trigger, checks: checks.map((c) => ({ id: c.id, status: c.status, detail: c.detail })) },
    requestId: input.requestId ?? null,
  });
  return { authorizationId: authorization.id, passed, at: now.toISOString(), trigger, checks };
}

/**
 * Onboarding's preflight, run as an account is connected (partner consent or an admin's pasted token) with
 * the test call onboarding just made, so the admin sees at once whether it is ready for jobs. Never throws:
 * the connection is already stored, and an admin can run the preflight again from the detail page.
 */
export async function preflightConnection(input: { authorizationId: string; actorType: ActorType; actorId?: string | null; connected: ConnectedProbe }): Promise<PreflightResult | null> {
  try {
    return await runPreflight(input);
  } catch (error) {
    logger.error({ err: error, authorizationId: input.authorizationId }, "the preflight after connecting could not run");
    return null;
  }
}

/** The last preflight recorded for an authorization (from the audit log), or null. */
export async function getLastPreflight(authorizationId: string): Promise<PreflightResult | null> {
  const entry = await db.auditLog.findFirst({
    where: { authorizationId, action: { in: ["authorization.preflight_passed", "authorization.preflight_failed"] } },
    orderBy: { at: "desc" },
  });
  if (!entry) return null;
  const details = entry.details as { trigger?: PreflightTrigger; checks?: { id: PreflightCheckId; status: PreflightCheck["status"]; detail: string }[] };
  return {
    authorizationId,
    passed: entry.action === "authorization.preflight_passed",
    at: entry.at.toISOString(),
    trigger: details.trigger === "connection" ? "connection" : "manual",
    checks: (details.checks ?? []).map((c) => ({ ...c, label: LABELS[c.id] ?? c.id })),
  };
}
