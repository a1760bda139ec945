import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { clearRefreshCooldown } from "@/lib/authorizations/token-bookkeeping";
import { db } from "@/lib/db/client";
import { AppError, isAppError } from "@/lib/errors";
import { evictTokenCaches } from "./evict-token-caches";
import { accessTokenCacheKey, getAccessToken } from "./get-access-token";

export type ForceRefreshFailure = "revoked" | "not_connected" | "paused" | "amazon_unavailable" | "app_client_rejected";

export type ForceRefreshResult = { ok: true; expiresAt: Date } | { ok: false; failure: ForceRefreshFailure; message: string };

const FAILURE_MESSAGES: Record<ForceRefreshFailure, string> = {
  revoked: "Amazon no longer accepts this authorization (invalid_grant). It is now marked disconnected; the partner must connect again.",
  not_connected: "This authorization has no active connection to refresh (it is pending, disconnected or waiting for renewal).",
  paused: "Token issuance is paused for this tenant. Lift the pause first.",
  amazon_unavailable: "Login with Amazon did not answer or failed. Nothing changed; the refresh will be retried with backoff.",
  app_client_rejected: "Amazon rejected this app's own credentials. Check the client secret on the App client page.",
};

function classify(error: unknown): ForceRefreshFailure {
  if (!isAppError(error)) throw error;
  switch (error.code) {
    case "authorization_revoked":
      return "revoked";
    case "authorization_pending":
    case "reauthorization_required":
      return "not_connected";
    case "tenant_quarantined":
      return "paused";
    case "amazon_unavailable":
      return "amazon_unavailable";
    case "app_client_rejected":
      return "app_client_rejected";
    default:
      throw error;
  }
}

/**
 * An admin's "refresh now": drops the cached access token (this process and the shared cache) and any
 * refresh cool-down, then gets a new one through the ordinary single-flight path (one LWA call across
 * instances). Only the new token's expiry is returned or recorded, never the token.
 */
export async function forceRefreshAccessToken(input: { authorizationId: string; actorId: string; requestId?: string | null }): Promise<ForceRefreshResult> {
  const authorization = await db.authorization.findUnique({ where: { id: input.authorizationId }, select: { id: true, tenantId: true } });
  if (!authorization) throw new AppError("not_found");
  const cacheKey = accessTokenCacheKey(authorization.id);
  await db.$transaction([db.accessTokenCache.updateMany({ where: { cacheKey }, data: { tokenCiphertext: null, expiresAt: null } }), clearRefreshCooldown(authorization)]);
  evictTokenCaches(authorization.id);
  let result: ForceRefreshResult;
  try {
    const token = await getAccessToken(authorization.id, { recordUse: false });
    result = { ok: true, expiresAt: token.expiresAt };
  } catch (error) {
    const failure = classify(error);
    result = { ok: false, failure, message: FAILURE_MESSAGES[failure] };
  }
  await recordAuditEvent({
    action: "authorization.token_refreshed",
    actorType: "ADMIN",
    actorId: input.actorId,
    tenantId: authorization.tenantId,
    authorizationId: authorization.id,
    details: result.ok ? { ok: true, expiresAt: result.expiresAt.toISOString() } : { ok: false, failure: result.failure },
    requestId: input.requestId ?? null,
  });
  return result;
}
