import type { SandboxStore } from "../state/store";
import type { App } from "../state/types";
import { codeProblem, findAuthorizationCode } from "./authorization-codes";
import { CODE_INVALID_GRANT, missingParameter, type LwaResult } from "./errors";
import { ACCESS_TOKEN_LIFETIME_SECONDS, issueAccessToken, issueRefreshToken } from "./issue-tokens";

/** `grant_type=authorization_code`: a single-use, 5-minute code → access token + a new refresh token. */
export function grantAuthorizationCode(store: SandboxStore, app: App, fields: Record<string, string>): LwaResult {
  const code = fields.code;
  const redirectUri = fields.redirect_uri;
  if (!code) return missingParameter("code");
  if (!redirectUri) return missingParameter("redirect_uri");
  const record = findAuthorizationCode(store, code);
  const problem = codeProblem(record, app.applicationId, redirectUri, store.clock.now());
  if (problem || !record) return CODE_INVALID_GRANT;
  if (!store.findAccount(record.sellingPartnerId)) return CODE_INVALID_GRANT;
  record.usedAt = store.clock.now();
  const refresh = issueRefreshToken(store, app, record.sellingPartnerId, record.source);
  const accessToken = issueAccessToken(store, app, { kind: "partner", sellingPartnerId: record.sellingPartnerId, refreshTokenHash: refresh.record.hash });
  return {
    status: 200,
    body: { access_token: accessToken, token_type: "bearer", expires_in: ACCESS_TOKEN_LIFETIME_SECONDS, refresh_token: refresh.token },
  };
}
