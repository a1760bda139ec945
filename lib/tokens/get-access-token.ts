import "server-only";
import { decryptForTenant, encryptForTenant } from "@/lib/vault";
import { assertIssuable, loadAuthorizationForTokens } from "./authorization-for-tokens";
import { getCachedToken, invalidateIfCurrent } from "@/lib/token-cache/token-cache";
import { refreshAuthorizationAccessToken } from "./refresh-access-token";
import { withTokenDeadline } from "./token-deadline";
import { touchAuthorization } from "./usage";

export interface IssuedAccessToken {
  accessToken: string;
  expiresAt: Date;
  authorization: { id: string; tenantId: string; region: "NA" | "EU" | "FE"; sellingPartnerId: string | null };
}

export interface TokenRequestOptions {
  /** Throws (404) when the caller may not act for this tenant. */
  assertTenant?: (tenantId: string) => void;
  /** Background refreshes are not use: they must not keep an idle authorization looking active. */
  recordUse?: boolean;
  /** The caller's token that Amazon rejected: replaced by a fresh one if it is still the current one. */
  rejectedToken?: string;
}

export function accessTokenCacheKey(authorizationId: string): string {
  return `authorization:${authorizationId}`;
}

/** The vault context an access token is sealed with in the shared cache. */
export function accessTokenContext(cacheKey: string): string {
  return `access-token:${cacheKey}`;
}

/**
 * An LWA access token for one authorization: from memory, else the shared encrypted cache, else one
 * refresh (one per authorization at a time across all instances). Refuses revoked, paused or pending
 * authorizations with a stable code. Records usage without a write per call.
 */
export function getAccessToken(authorizationId: string, options: TokenRequestOptions = {}): Promise<IssuedAccessToken> {
  // One deadline for the whole request: reading, waiting for another instance's refresh, and LWA's retries.
  return withTokenDeadline(() => issueAccessToken(authorizationId, options));
}

async function issueAccessToken(authorizationId: string, options: TokenRequestOptions): Promise<IssuedAccessToken> {
  const authorization = await loadAuthorizationForTokens(authorizationId);
  // Scope before status: a caller limited to other tenants learns nothing, not even that it is revoked.
  options.assertTenant?.(authorization.tenantId);
  assertIssuable(authorization);
  const cacheKey = accessTokenCacheKey(authorization.id);
  const context = accessTokenContext(cacheKey);
  const source = {
    cacheKey,
    authorizationId: authorization.id,
    seal: (value: string) => encryptForTenant(authorization.tenantId, value, context),
    open: (value: string) => decryptForTenant(authorization.tenantId, value, context),
    fetch: () => refreshAuthorizationAccessToken(authorization),
    cooldownUntil: authorization.refreshCooldownUntil,
  };
  if (options.rejectedToken) await invalidateIfCurrent(source, options.rejectedToken);
  const token = await getCachedToken(source);
  if (options.recordUse !== false) touchAuthorization(authorization.id);
  return {
    ...token,
    authorization: { id: authorization.id, tenantId: authorization.tenantId, region: authorization.region, sellingPartnerId: authorization.sellingPartnerId },
  };
}
