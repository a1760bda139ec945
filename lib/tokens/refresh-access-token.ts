import "server-only";
import { LwaError, refreshAccessToken as lwaRefresh } from "@/lib/amazon/lwa";
import { getClientCredentials } from "@/lib/app-client/get-app-client";
import { markAuthorizationRevoked } from "@/lib/authorizations/mark-revoked";
import { readRefreshToken } from "@/lib/authorizations/read-refresh-token";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Authorization } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/log";

export interface AccessToken {
  accessToken: string;
  expiresAt: Date;
}

type Refreshable = Pick<Authorization, "id" | "tenantId" | "status" | "refreshTokenCiphertext">;

/** Refuses, with a stable code, an authorization that cannot serve tokens; nothing is retried. */
export function assertCanIssueTokens(authorization: Pick<Authorization, "status">): void {
  switch (authorization.status) {
    case "ACTIVE":
      return;
    case "PENDING":
      throw new AppError("authorization_pending");
    case "REVOKED":
      throw new AppError("authorization_revoked");
    case "REAUTH_REQUIRED":
      throw new AppError("reauthorization_required");
    case "QUARANTINED":
      throw new AppError("tenant_quarantined");
  }
}

/**
 * One LWA refresh for one authorization, with the failure classification of PRODUCT.md:
 * invalid_grant revokes the authorization (once); invalid_client is the app's problem, not the tenant's;
 * anything transient counts a consecutive failure and changes no status.
 */
export async function refreshAuthorizationAccessToken(authorization: Refreshable): Promise<AccessToken> {
  assertCanIssueTokens(authorization);
  const refreshToken = await readRefreshToken(authorization);
  const credentials = await getClientCredentials();
  try {
    const token = await lwaRefresh(credentials, refreshToken);
    await db.authorization.update({
      where: { id: authorization.id },
      data: { lastRefreshAt: new Date(), consecutiveFailures: 0, lastRefreshError: null },
    });
    return { accessToken: token.accessToken, expiresAt: new Date(Date.now() + token.expiresIn * 1000) };
  } catch (error) {
    if (!(error instanceof LwaError)) throw error;
    if (error.kind === "revoked") {
      await markAuthorizationRevoked({
        authorizationId: authorization.id,
        tenantId: authorization.tenantId,
        reason: "invalid_grant",
        statusReason: "Amazon no longer accepts this authorization: it was revoked in Seller Central or Vendor Central, or never granted.",
        actorType: "AMAZON",
      });
      throw new AppError("authorization_revoked", undefined, { cause: error });
    }
    await db.authorization.update({
      where: { id: authorization.id },
      data: { consecutiveFailures: { increment: 1 }, lastRefreshError: error.error },
    });
    if (error.kind === "client") {
      logger.error({ authorizationId: authorization.id, lwaError: error.error }, "LWA rejected the app client's credentials");
      throw new AppError("app_client_rejected", undefined, { cause: error });
    }
    throw new AppError("amazon_unavailable", undefined, { cause: error });
  }
}
