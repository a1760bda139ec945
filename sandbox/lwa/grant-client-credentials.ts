import type { SandboxStore } from "../state/store";
import type { App } from "../state/types";
import { INVALID_SCOPE, missingParameter, type LwaResult } from "./errors";
import { ACCESS_TOKEN_LIFETIME_SECONDS, issueAccessToken } from "./issue-tokens";

export const GRANTLESS_SCOPES = ["sellingpartnerapi::notifications", "sellingpartnerapi::client_credential:rotation"] as const;
export type GrantlessScope = (typeof GRANTLESS_SCOPES)[number];

export function isGrantlessScope(value: string): value is GrantlessScope {
  return (GRANTLESS_SCOPES as readonly string[]).includes(value);
}

/** `grant_type=client_credentials` (grantless): an access token bound to one scope, no refresh token. */
export function grantClientCredentials(store: SandboxStore, app: App, fields: Record<string, string>): LwaResult {
  const scope = fields.scope;
  if (!scope) return missingParameter("scope");
  if (!isGrantlessScope(scope)) return INVALID_SCOPE;
  const accessToken = issueAccessToken(store, app, { kind: "grantless", scope });
  return { status: 200, body: { access_token: accessToken, token_type: "bearer", expires_in: ACCESS_TOKEN_LIFETIME_SECONDS } };
}
