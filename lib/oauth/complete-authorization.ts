import "server-only";
import { exchangeAuthorizationCode, LwaError } from "@/lib/amazon/lwa";
import { withClientCredentials } from "@/lib/app-client/client-credentials";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { transitionAuthorization, type TransitionRequest } from "@/lib/authorizations/state-machine";
import { sealRefreshToken } from "@/lib/authorizations/store-refresh-token";
import { testConnectivity, type ConnectivityResult } from "@/lib/preflight/test-connectivity";
import { preflightConnection } from "@/lib/preflight/run-preflight";
import { db } from "@/lib/db/client";
import type { AuthType } from "@/lib/generated/prisma/client";
import { requestedRoles } from "@/lib/roles/ledger";
import type { CallbackFailure } from "./callback-failures";
import { consumeOAuthState } from "./oauth-state";

/** Sellers must re-authorize public apps every 365 days (AMAZON.md). */
export const RENEWAL_PERIOD_MS = 365 * 24 * 60 * 60 * 1000;

export interface CallbackParams {
  state?: string | null;
  selling_partner_id?: string | null;
  spapi_oauth_code?: string | null;
  error?: string | null;
}

export type CallbackOutcome =
  | { ok: true; authorizationId: string; reauthorized: boolean; connectivity: ConnectivityResult }
  | { ok: false; failure: CallbackFailure; authorizationId?: string };

/**
 * Amazon's redirect back to us, for the website and Appstore flows alike: validate the state, exchange
 * the 5-minute code at once, store the refresh token encrypted, record the selling partner (a vendor
 * group for vendors), and test the connection with the access token the exchange returned.
 */
export async function completeAuthorization(params: CallbackParams, bindingCookie: string | undefined, userId: string | undefined): Promise<CallbackOutcome> {
  const consumed = await consumeOAuthState(params.state, bindingCookie, userId);
  if (!consumed.ok) return { ok: false, failure: consumed.failure, authorizationId: consumed.state?.authorizationId ?? undefined };
  const state = consumed.state;
  const authorizationId = state.authorizationId ?? undefined;
  const fail = async (failure: CallbackFailure, details: Record<string, unknown> = {}): Promise<CallbackOutcome> => {
    await recordAuditEvent({ action: "authorization.flow_failed", actorType: "PARTNER", actorId: userId, tenantId: state.tenantId, authorizationId, details: { failure, flow: state.flow, ...details } });
    return { ok: false, failure, authorizationId };
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
  const elsewhere = await db.authorization.findFirst({
    where: { region: state.region, sellingPartnerId, status: { not: "REVOKED" }, tenantId: { not: state.tenantId } },
    select: { id: true },
  });
  if (elsewhere) return fail("account_connected_elsewhere");

  let token;
  try {
    token = await withClientCredentials((credentials) => exchangeAuthorizationCode(credentials, code, state.redirectUri));
  } catch (error) {
    if (!(error instanceof LwaError)) throw error;
    const failure: CallbackFailure = error.kind === "revoked" || error.kind === "request" ? "code_invalid" : error.kind === "client" ? "app_client_rejected" : "amazon_unavailable";
    return fail(failure, { lwaError: error.error });
  }

  const sealed = await sealRefreshToken(state.tenantId, authorization.id, token.refreshToken);
  const now = new Date();
  const reauthorized = state.flow === "REAUTHORIZE";
  const authType: AuthType = state.flow === "APPSTORE" ? "APPSTORE" : reauthorized ? authorization.authType : "WEBSITE";
  const renewalDueAt = new Date(now.getTime() + RENEWAL_PERIOD_MS);
  const transition: Omit<TransitionRequest<"connect">, "transition" | "event"> = {
    authorizationId: authorization.id,
    tenantId: state.tenantId,
    actor: { actorType: "PARTNER", actorId: userId },
    at: now,
    set: {
      ...sealed,
      sellingPartnerId,
      authType,
      statusReason: null,
      roles: requestedRoles(authorization.tenant.kind),
      authorizedAt: now,
      renewalDueAt,
      consecutiveFailures: 0,
      lastRefreshAt: now,
      lastRefreshError: null,
      refreshCooldownUntil: null,
      revokedAt: null,
      quarantinedAt: null,
      inactiveSince: null,
    },
    details: () => ({
      flow: state.flow,
      reason: state.reason,
      sellingPartnerId,
      region: state.region,
      refreshTokenFingerprint: sealed.refreshTokenFingerprint,
      previousRefreshTokenFingerprint: reauthorized ? authorization.refreshTokenFingerprint : null,
    }),
  };
  // A new refresh token makes every cached access token of the old one stale: the transition evicts them.
  if (reauthorized) {
    await transitionAuthorization({ ...transition, transition: "reauthorize", event: () => ({ authorizationId: authorization.id, tenantId: state.tenantId, renewalDueAt: renewalDueAt.toISOString() }) });
  } else {
    await transitionAuthorization({ ...transition, transition: "connect", event: () => ({ authorizationId: authorization.id, tenantId: state.tenantId, flow: authType }) });
  }

  const connectivity = await testConnectivity(
    { id: authorization.id, tenantId: state.tenantId, region: state.region, status: "ACTIVE", refreshTokenCiphertext: sealed.refreshTokenCiphertext, tenant: authorization.tenant },
    { accessToken: token.accessToken, actorType: "SYSTEM" },
  );
  await preflightConnection({ authorizationId: authorization.id, actorType: "SYSTEM", connected: connectivity });
  return { ok: true, authorizationId: authorization.id, reauthorized, connectivity };
}
