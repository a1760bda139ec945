import "server-only";
import { exchangeAuthorizationCode, LwaError } from "@/lib/amazon/lwa";
import { withClientCredentials } from "@/lib/app-client/client-credentials";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { readAccountFingerprint, sameAccount, type AccountFingerprint } from "@/lib/authorizations/account-fingerprint";
import { findAccountHolder, openIdentityConflict, type NewIdentityConflict } from "@/lib/authorizations/identity-conflicts";
import { transitionAuthorization } from "@/lib/authorizations/state-machine";
import { sealRefreshToken } from "@/lib/authorizations/store-refresh-token";
import type { Region } from "@/lib/amazon/regions";
import { probeConnection, recordConnectivity, type ConnectivityResult } from "@/lib/preflight/test-connectivity";
import { preflightConnection } from "@/lib/preflight/run-preflight";
import { db } from "@/lib/db/client";
import type { AuthType, Prisma } from "@/lib/generated/prisma/client";
import { readLedger } from "@/lib/ledger/read-ledger";
import type { CallbackFailure } from "./callback-failures";
import { locateAccountRegion } from "./locate-account-region";
import { consumeOAuthState } from "./oauth-state";
import { faultPoint } from "@/lib/runtime/fault-point";

/** Sellers must re-authorize public apps every 365 days (AMAZON.md). */
export const RENEWAL_PERIOD_MS = 365 * 24 * 60 * 60 * 1000;

export interface CallbackParams {
  state?: string | null;
  selling_partner_id?: string | null;
  spapi_oauth_code?: string | null;
  error?: string | null;
}

/** `connectLinkId`: the flow was a connect link's and its state was consumed (the link's result is this outcome). */
export type CallbackOutcome =
  | { ok: true; authorizationId: string; reauthorized: boolean; underReview: boolean; connectivity: ConnectivityResult; connectLinkId?: string }
  | { ok: false; failure: CallbackFailure; authorizationId?: string; regions?: { account: Region; started: Region }; connectLinkId?: string };

/** Where the callback sends the browser: the connection page, or the failure page with what it needs to explain. */
export function callbackRedirectPath(outcome: CallbackOutcome): string {
  if (outcome.ok) return `/connect/connections/${outcome.authorizationId}?${outcome.reauthorized ? "reauthorized" : "connected"}=1`;
  const query = new URLSearchParams({ code: outcome.failure, ...(outcome.regions ? { account: outcome.regions.account, started: outcome.regions.started } : {}) });
  return `/connect/error?${query.toString()}`;
}

/**
 * Amazon's redirect back to us, for the website and Appstore flows alike: validate the state, exchange
 * the 5-minute code at once, test the connection with the access token the exchange returned, and store the
 * refresh token encrypted with the selling partner (a vendor group for vendors) and the account's fingerprint.
 *
 * `selling_partner_id` is a claim (Amazon does not sign the redirect), so it never refuses or displaces
 * anyone: a claim on an account another tenant holds, or a reauthorization that reads a different account
 * than the stored one, is stored held for review (IDENTITY_CONFLICT, no tokens) while the holder keeps
 * working. A token whose account lives in another region than the flow's is refused and nothing is stored.
 */
export async function completeAuthorization(
  params: CallbackParams,
  bindingCookie: string | undefined,
  userId: string | undefined,
  connectLinkId?: string,
): Promise<CallbackOutcome> {
  const consumed = await consumeOAuthState(params.state, bindingCookie, userId, connectLinkId);
  if (!consumed.ok) return { ok: false, failure: consumed.failure, authorizationId: consumed.state?.authorizationId ?? undefined };
  const state = consumed.state;
  const authorizationId = state.authorizationId ?? undefined;
  const link = state.connectLinkId ? { connectLinkId: state.connectLinkId } : {};
  const fail = async (failure: CallbackFailure, details: Record<string, unknown> = {}, regions?: { account: Region; started: Region }): Promise<CallbackOutcome> => {
    await recordAuditEvent({ action: "authorization.flow_failed", actorType: "PARTNER", actorId: userId, tenantId: state.tenantId, authorizationId, details: { failure, flow: state.flow, ...link, ...details } });
    return { ok: false, failure, authorizationId, ...(regions ? { regions } : {}), ...link };
  };

  if (params.error) return fail(params.error === "access_denied" ? "consent_cancelled" : "amazon_error", { amazonError: params.error.slice(0, 64) });
  const sellingPartnerId = params.selling_partner_id?.trim();
  const code = params.spapi_oauth_code?.trim();
  if (!sellingPartnerId || !code || !authorizationId) return fail("callback_incomplete");

  const authorization = await db.authorization.findFirst({ where: { id: authorizationId, tenantId: state.tenantId }, include: { tenant: { select: { kind: true } } } });
  if (!authorization) return fail("callback_incomplete");
  if (state.flow === "REAUTHORIZE" && authorization.sellingPartnerId && authorization.sellingPartnerId !== sellingPartnerId) {
    return fail("different_account");
  }

  let token;
  try {
    token = await withClientCredentials((credentials) => exchangeAuthorizationCode(credentials, code, state.redirectUri));
  } catch (error) {
    if (!(error instanceof LwaError)) throw error;
    const failure: CallbackFailure = error.kind === "revoked" || error.kind === "request" ? "code_invalid" : error.kind === "client" ? "app_client_rejected" : "amazon_unavailable";
    return fail(failure, { lwaError: error.error });
  }

  const subject = { id: authorization.id, region: state.region, tenant: authorization.tenant };
  const connectivity = await probeConnection(subject, token.accessToken);
  if (!connectivity.ok && connectivity.failure === "access_denied") {
    const accountRegion = await locateAccountRegion(subject, token.accessToken);
    if (accountRegion) return fail("wrong_region", { accountRegion, startedRegion: state.region }, { account: accountRegion, started: state.region });
  }

  const reauthorized = state.flow === "REAUTHORIZE";
  const fingerprint = connectivity.ok ? connectivity.fingerprint : null;
  const conflict = await findConflict({ authorization, region: state.region, sellingPartnerId, fingerprint, reauthorized });

  const sealed = await sealRefreshToken(state.tenantId, authorization.id, token.refreshToken);
  await faultPoint("callback-mid-way");
  const now = new Date();
  const authType: AuthType = state.flow === "APPSTORE" ? "APPSTORE" : reauthorized ? authorization.authType : "WEBSITE";
  const renewalDueAt = new Date(now.getTime() + RENEWAL_PERIOD_MS);
  const set = {
    ...sealed,
    sellingPartnerId,
    authType,
    statusReason: null,
    roles: (await readLedger()).requestedRoles(authorization.tenant.kind),
    authorizedAt: now,
    renewalDueAt,
    consecutiveFailures: 0,
    lastRefreshAt: now,
    lastRefreshError: null,
    refreshCooldownUntil: null,
    revokedAt: null,
    quarantinedAt: null,
    inactiveSince: null,
  };
  const details = () => ({
    flow: state.flow,
    reason: state.reason,
    sellingPartnerId,
    region: state.region,
    refreshTokenFingerprint: sealed.refreshTokenFingerprint,
    previousRefreshTokenFingerprint: reauthorized ? authorization.refreshTokenFingerprint : null,
  });
  const common = { authorizationId: authorization.id, tenantId: state.tenantId, actor: { actorType: "PARTNER" as const, actorId: userId }, at: now, details };
  const confirmed = fingerprint ? { ...set, accountFingerprint: fingerprint as Prisma.InputJsonValue } : set;
  // A new refresh token makes every cached access token of the old one stale: each transition evicts them.
  if (conflict) {
    // The stored fingerprint stays the confirmed one; the claim's is kept with the conflict until an admin decides.
    await transitionAuthorization({
      ...common,
      transition: "holdForReview",
      set,
      details: () => ({ ...details(), conflict: conflict.kind, heldBy: conflict.heldById }),
      alsoWrite: (tx, context) => openIdentityConflict(tx, { ...conflict, authorizationId: authorization.id, region: state.region, sellingPartnerId, claimedFingerprint: fingerprint }, context.at),
    });
  } else if (reauthorized) {
    await transitionAuthorization({ ...common, transition: "reauthorize", set: confirmed, event: () => ({ authorizationId: authorization.id, tenantId: state.tenantId, renewalDueAt: renewalDueAt.toISOString() }) });
  } else {
    await transitionAuthorization({ ...common, transition: "connect", set: confirmed, event: () => ({ authorizationId: authorization.id, tenantId: state.tenantId, flow: authType }) });
  }

  await recordConnectivity({ id: authorization.id, tenantId: state.tenantId, tenant: authorization.tenant }, connectivity, { actorType: "SYSTEM" });
  // A claim under review is not ready for jobs whatever its token can do: its preflight runs once it is kept.
  if (!conflict) await preflightConnection({ authorizationId: authorization.id, actorType: "SYSTEM", connected: connectivity });
  return { ok: true, authorizationId: authorization.id, reauthorized, underReview: conflict !== null, connectivity, ...link };
}

/**
 * Why this consent must be held for review, if it must: its authorization is already under review, another
 * tenant holds the (region, selling partner id) it claims, or (reauthorization) the account it reads is not
 * the one stored. An unreadable fingerprint (the test call failed) is no evidence either way.
 */
async function findConflict(input: {
  authorization: { id: string; tenantId: string; status: string; accountFingerprint: Prisma.JsonValue };
  region: Region;
  sellingPartnerId: string;
  fingerprint: AccountFingerprint | null;
  reauthorized: boolean;
}): Promise<Pick<NewIdentityConflict, "kind" | "heldById" | "heldFingerprint"> | null> {
  const holder = await findAccountHolder(input.region, input.sellingPartnerId, input.authorization.tenantId);
  if (holder) return { kind: "CLAIMED_ELSEWHERE", heldById: holder.id, heldFingerprint: holder.accountFingerprint };
  const stored = readAccountFingerprint(input.authorization.accountFingerprint);
  const changed = input.reauthorized && stored && input.fingerprint && !sameAccount(stored, input.fingerprint);
  if (changed || input.authorization.status === "IDENTITY_CONFLICT") return { kind: "FINGERPRINT_CHANGED", heldById: null, heldFingerprint: stored };
  return null;
}
