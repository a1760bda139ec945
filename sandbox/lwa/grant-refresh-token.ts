import type { SandboxStore } from "../state/store";
import type { App } from "../state/types";
import { missingParameter, REFRESH_TOKEN_INVALID_GRANT, type LwaResult } from "./errors";
import { ACCESS_TOKEN_LIFETIME_SECONDS, findRefreshToken, isRefreshTokenUsable, issueAccessToken } from "./issue-tokens";

/** `grant_type=refresh_token`: a new access token; the refresh token is not rotated. */
export function grantRefreshToken(store: SandboxStore, app: App, fields: Record<string, string>): LwaResult {
  const refreshToken = fields.refresh_token;
  if (!refreshToken) return missingParameter("refresh_token");
  const record = findRefreshToken(store, refreshToken);
  if (!isRefreshTokenUsable(record) || record.applicationId !== app.applicationId || !store.findAccount(record.sellingPartnerId)) {
    return REFRESH_TOKEN_INVALID_GRANT;
  }
  const accessToken = issueAccessToken(store, app, { kind: "partner", sellingPartnerId: record.sellingPartnerId, refreshTokenHash: record.hash });
  return { status: 200, body: { access_token: accessToken, token_type: "bearer", expires_in: ACCESS_TOKEN_LIFETIME_SECONDS } };
}
