import "server-only";
import { LwaError, refreshAccessToken as lwaRefresh } from "@/lib/amazon/lwa";
import { withClientCredentials } from "@/lib/app-client/client-credentials";
import { readRefreshToken } from "@/lib/authorizations/read-refresh-token";
import { markAuthorizationRevoked } from "@/lib/authorizations/revoke-authorization";
import { recordRefreshFailed, recordRefreshSucceeded } from "@/lib/authorizations/token-bookkeeping";
import { readServerEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { Authorization } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/log";
import { assertIssuable } from "./authorization-for-tokens";
import { evictTokenCaches } from "./evict-token-caches";
import { tokenDeadline } from "./token-deadline";
import { LATCHKEY_OPERATIONS, monitorCall } from "@/lib/monitoring/record-latchkey-call";

/** An attempt needs at least this long to be worth making; less than this left, the last failure stands. */
const MIN_ATTEMPT_MS = 500;

/**
 * Transient failures are retried with jittered backoff, up to TRANSIENT_ATTEMPTS, all inside `deadline`: each
 * attempt may take what is left (at most AMAZON_HTTP_TIMEOUT_MS), and no retry starts that could not finish.
 */
export async function withTransientRetries<T>(call: (timeoutMs: number) => Promise<T>, deadline: number): Promise<T> {
  const httpTimeoutMs = readServerEnv().AMAZON_HTTP_TIMEOUT_MS;
  for (let attempt = 1; ; attempt++) {
    const left = deadline - Date.now();
    if (left < MIN_ATTEMPT_MS) throw new LwaError("transient", "timeout", null);
    try {
      return await call(Math.min(httpTimeoutMs, left));
    } catch (error) {
      if (!(error instanceof LwaError) || error.kind !== "transient" || attempt >= TRANSIENT_ATTEMPTS) throw error;
      const backoff = BASE_BACKOFF_MS * 2 ** (attempt - 1);
      const wait = backoff / 2 + Math.random() * backoff;
      if (Date.now() + wait + MIN_ATTEMPT_MS > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

export interface AccessToken {
  accessToken: string;
  expiresAt: Date;
}

type Refreshable = Pick<Authorization, "id" | "tenantId" | "status" | "refreshTokenCiphertext">;

/** Transient LWA failures are retried this many times within one refresh, with jittered backoff. */
const TRANSIENT_ATTEMPTS = 3;
const BASE_BACKOFF_MS = 200;

/** After a refresh finally fails, LWA is left alone for a while: 30 s, doubling per failure, up to 10 min. */
export function cooldownAfter(consecutiveFailures: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, consecutiveFailures - 1), 10 * 60_000);
}

function assertCanIssueTokens(authorization: Pick<Authorization, "status">): void {
  assertIssuable({ status: authorization.status, tenant: { quarantinedAt: null } });
}

/**
 * LWA answered invalid_grant: the authorization is revoked through the state machine (once, however many
 * callers find out), so the partner's email, the alert and the audit entry follow.
 */
export async function revokeOnInvalidGrant(authorization: Pick<Authorization, "id" | "tenantId">): Promise<void> {
  await markAuthorizationRevoked({
    authorizationId: authorization.id,
    tenantId: authorization.tenantId,
    reason: "invalid_grant",
    statusReason: "Amazon no longer accepts this authorization: it was revoked in Seller Central or Vendor Central, or never granted.",
    actorType: "AMAZON",
  });
}

/**
 * One LWA refresh for one authorization, with the failure classification of PRODUCT.md:
 * invalid_grant revokes the authorization (once); invalid_client is the app's problem, not the tenant's;
 * anything transient counts a consecutive failure and changes no status.
 */
export async function refreshAuthorizationAccessToken(authorization: Refreshable): Promise<AccessToken> {
  assertCanIssueTokens(authorization);
  const refreshToken = await readRefreshToken(authorization);
  try {
    const deadline = tokenDeadline();
    const token = await withClientCredentials((credentials) =>
      withTransientRetries((timeoutMs) => monitorCall(authorization.id, LATCHKEY_OPERATIONS.lwaRefresh, () => lwaRefresh(credentials, refreshToken, { timeoutMs })), deadline),
    );
    await recordRefreshSucceeded(authorization.id);
    return { accessToken: token.accessToken, expiresAt: new Date(Date.now() + token.expiresIn * 1000) };
  } catch (error) {
    if (!(error instanceof LwaError)) throw error;
    evictTokenCaches(authorization.id, ["status"]);
    if (error.kind === "revoked") {
      await revokeOnInvalidGrant(authorization);
      throw new AppError("authorization_revoked", undefined, { cause: error });
    }
    await recordRefreshFailed(authorization.id, error.error, cooldownAfter);
    if (error.kind === "client") {
      logger.error({ authorizationId: authorization.id, lwaError: error.error }, "LWA rejected the app client's credentials");
      throw new AppError("app_client_rejected", undefined, { cause: error });
    }
    throw new AppError("amazon_unavailable", undefined, { cause: error });
  }
}
