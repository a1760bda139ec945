// The on-call checklist as pure functions: each check of one authorization or of the app client, from
// stored state alone (no Amazon call), with a verdict and a plain-words detail saying what to fix.
import type { AuthorizationStatus, PartnerKind } from "@/lib/generated/prisma/client";
import type { Ledger } from "@/lib/ledger/ledger";

export type Standing = "ok" | "warn" | "fail";

export interface Check {
  status: Standing | "not_applicable";
  detail: string;
}

const DAY = 86_400_000;
const RANK: Record<Check["status"], number> = { not_applicable: 0, ok: 0, warn: 1, fail: 2 };

export function worst(checks: readonly Check[]): Standing {
  const rank = Math.max(0, ...checks.map((c) => RANK[c.status]));
  return rank === 2 ? "fail" : rank === 1 ? "warn" : "ok";
}

const ok = (detail: string): Check => ({ status: "ok", detail });
const warn = (detail: string): Check => ({ status: "warn", detail });
const fail = (detail: string): Check => ({ status: "fail", detail });

export interface AuthorizationState {
  status: AuthorizationStatus;
  statusReason: string | null;
  kind: PartnerKind;
  sellingPartnerId: string | null;
  roles: readonly string[];
  hasRefreshToken: boolean;
  tenantQuarantined: boolean;
  consecutiveFailures: number;
  lastRefreshError: string | null;
  lastConnectivityOk: boolean | null;
  renewalDueAt: Date | null;
}

export interface Thresholds {
  refreshFailures: number;
  renewalDays: number;
  clientSecretDays: number;
  chargeMethodDays: number;
}

/**
 * "Token valid" means: Latchkey can hand out a working token for this authorization right now, as far as
 * its own records show — it is ACTIVE, its tenant is not quarantined, a refresh token is stored, the last
 * LWA refresh did not fail, its renewal is not overdue and (for sellers) the last connectivity test passed.
 */
export function checkToken(a: AuthorizationState, now: Date, t: Thresholds): Check {
  if (a.status === "PENDING") return fail("The partner has not finished connecting: ask them to complete the consent on Amazon.");
  if (a.status === "REVOKED") return fail("The authorization was revoked: the partner must connect the account again.");
  if (a.status === "REAUTH_REQUIRED") return fail(a.statusReason ?? "The authorization must be renewed: send the partner a reauthorization reminder.");
  if (a.status === "QUARANTINED" || a.tenantQuarantined) return fail("Token issuance is paused (quarantined): fix the cause, then lift the quarantine.");
  if (!a.hasRefreshToken) return fail("No refresh token is stored: the partner must connect again.");
  if (a.consecutiveFailures >= t.refreshFailures) return fail(`The last ${a.consecutiveFailures} token refreshes failed${a.lastRefreshError ? ` (${a.lastRefreshError})` : ""}: check the app client's secret and whether Amazon is up, then test the connection.`);
  if (a.renewalDueAt && a.renewalDueAt.getTime() <= now.getTime()) return fail("The yearly renewal is overdue: the partner must reauthorize.");
  if (a.kind === "SELLER" && a.lastConnectivityOk === false) return fail("The last connection test failed: run it again; if it still fails, ask the partner to reauthorize.");
  if (a.consecutiveFailures > 0) return warn(`The last token refresh failed${a.lastRefreshError ? ` (${a.lastRefreshError})` : ""}; Latchkey retries after a cool-down.`);
  if (a.renewalDueAt && a.renewalDueAt.getTime() <= now.getTime() + t.renewalDays * DAY) return warn(`Renewal is due on ${a.renewalDueAt.toISOString().slice(0, 10)}: remind the partner to reauthorize.`);
  return ok("Active, refreshing normally.");
}

export function checkRoles(a: Pick<AuthorizationState, "kind" | "roles">, ledger: Ledger): Check {
  const missing = ledger.uncoveredOperations(a.kind, a.roles);
  if (missing.length === 0) return ok("The granted roles cover every operation of the roles ledger.");
  return fail(`The granted roles do not cover ${missing.map((m) => m.operation).join(", ")}: the partner must reauthorize and grant ${[...new Set(missing.map((m) => m.roles[0]))].join(", ")}.`);
}

export function checkVendorLink(a: Pick<AuthorizationState, "kind" | "sellingPartnerId" | "lastConnectivityOk">): Check {
  if (a.kind !== "VENDOR") return { status: "not_applicable", detail: "Sellers have no vendor group." };
  if (!a.sellingPartnerId) return fail("No vendor group is linked: the vendor must connect through Vendor Central.");
  if (a.lastConnectivityOk === false) return fail("The last purchase-order test call was refused: check that the vendor group is still linked to the app in Vendor Central.");
  if (a.lastConnectivityOk === null) return warn("The vendor group has not been tested yet: run a connection test.");
  return ok(`Vendor group ${a.sellingPartnerId} is linked and answered the last test.`);
}

export function checkClientSecret(secret: { expiresAt: Date | null } | null, now: Date, t: Thresholds): Check {
  if (!secret) return fail("The app client has no current secret: enter one on the App client page.");
  if (!secret.expiresAt) return warn("The current secret's expiry is unknown: record it on the App client page.");
  const left = secret.expiresAt.getTime() - now.getTime();
  if (left <= 0) return fail("The current client secret has expired: rotate it now on the App client page.");
  if (left <= t.clientSecretDays * DAY) return warn(`The client secret expires on ${secret.expiresAt.toISOString().slice(0, 10)}: rotate it soon.`);
  return ok(`The client secret is valid until ${secret.expiresAt.toISOString().slice(0, 10)}.`);
}

export function checkChargeMethod(app: { billingStatus: string | null; chargeMethodExpiresAt: Date | null } | null, now: Date, t: Thresholds): Check {
  if (!app) return fail("No app client is configured.");
  if (!app.billingStatus || app.billingStatus === "unknown") return warn("Billing standing is not recorded: enter it on the App client page.");
  if (app.billingStatus !== "good_standing") return fail(`Billing needs action (${app.billingStatus}): resolve it in the Solution Provider Portal.`);
  if (app.chargeMethodExpiresAt) {
    const left = app.chargeMethodExpiresAt.getTime() - now.getTime();
    if (left <= 0) return fail("The charge method has expired: update it in the Solution Provider Portal.");
    if (left <= t.chargeMethodDays * DAY) return warn(`The charge method expires on ${app.chargeMethodExpiresAt.toISOString().slice(0, 10)}: update it before then.`);
  }
  return ok("Billing is in good standing.");
}
