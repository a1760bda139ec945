import "server-only";
import { LwaError, requestGrantlessToken, type GrantlessScope } from "@/lib/amazon/lwa";
import { AppError } from "@/lib/errors";
import { decryptSystem, encryptSystem } from "@/lib/vault";
import { getCachedToken, type CachedToken } from "@/lib/token-cache/token-cache";
import { withClientCredentials } from "./client-credentials";

/** The app client's own grantless (client_credentials) token for one scope, cached and single-flighted like partner tokens. */
export function getGrantlessToken(scope: GrantlessScope): Promise<CachedToken> {
  const cacheKey = `grantless:${scope}`;
  const context = `access-token:${cacheKey}`;
  return getCachedToken({
    cacheKey,
    authorizationId: null,
    seal: (value) => encryptSystem(value, context),
    open: (value) => decryptSystem(value, context),
    fetch: async () => {
      try {
        const token = await withClientCredentials((credentials) => requestGrantlessToken(credentials, scope));
        return { accessToken: token.accessToken, expiresAt: new Date(Date.now() + token.expiresIn * 1000) };
      } catch (error) {
        if (!(error instanceof LwaError)) throw error;
        throw new AppError(error.kind === "client" ? "app_client_rejected" : "amazon_unavailable", undefined, { cause: error });
      }
    },
  });
}
