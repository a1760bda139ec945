import "server-only";
import { z } from "zod";
import { readServerEnv } from "@/lib/env";
import { AmazonNetworkError, amazonFetch } from "./http";

export const GRANTLESS_SCOPES = ["sellingpartnerapi::notifications", "sellingpartnerapi::client_credential:rotation"] as const;
export type GrantlessScope = (typeof GRANTLESS_SCOPES)[number];

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}

export interface LwaToken {
  accessToken: string;
  expiresIn: number;
  refreshToken?: string;
}

/**
 * How a failed LWA call should be treated:
 * - `revoked`: invalid_grant — the refresh token (or code) is dead; the authorization needs the partner.
 * - `client`: invalid_client / unauthorized_client — the app's credentials are the problem, not the tenant.
 * - `transient`: 5xx, 429, timeouts — retry later; change no status.
 * - `request`: anything else the caller got wrong.
 */
export type LwaFailureKind = "revoked" | "client" | "transient" | "request";

export class LwaError extends Error {
  constructor(
    readonly kind: LwaFailureKind,
    readonly error: string,
    readonly httpStatus: number | null,
    options?: { cause?: unknown },
  ) {
    super(`LWA ${error}${httpStatus ? ` (HTTP ${httpStatus})` : ""}`, options);
    this.name = "LwaError";
  }
}

const successBody = z.object({
  access_token: z.string().min(1),
  token_type: z.string(),
  expires_in: z.coerce.number().int().positive(),
  refresh_token: z.string().min(1).optional(),
});

const errorBody = z.object({ error: z.string(), error_description: z.string().optional() });

function classify(status: number, error: string): LwaFailureKind {
  if (status >= 500 || status === 429) return "transient";
  if (error === "invalid_grant") return "revoked";
  if (error === "invalid_client" || error === "unauthorized_client") return "client";
  return "request";
}

/** Per call: `timeoutMs` overrides AMAZON_HTTP_TIMEOUT_MS (a caller's deadline leaves less). */
export interface LwaCallOptions {
  timeoutMs?: number;
}

async function requestToken(form: Record<string, string>, options: LwaCallOptions = {}): Promise<LwaToken> {
  let response: Response;
  try {
    response = await amazonFetch(readServerEnv().amazon.lwaTokenUrl, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded;charset=UTF-8", accept: "application/json" },
      body: new URLSearchParams(form).toString(),
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    });
  } catch (error) {
    // A timeout is told apart from an unreachable host: the refresh record and the admin pages say which.
    const timedOut = error instanceof AmazonNetworkError && error.reason === "timeout";
    throw new LwaError("transient", timedOut ? "timeout" : "network_error", null, { cause: error });
  }
  const json: unknown = await response.json().catch(() => null);
  if (response.ok) {
    const parsed = successBody.safeParse(json);
    // A 200 that is not a token (LWA's documented shape): nothing is stored from it, and it is said as such.
    if (!parsed.success) throw new LwaError("transient", "amazon_unexpected_response", response.status);
    return { accessToken: parsed.data.access_token, expiresIn: parsed.data.expires_in, refreshToken: parsed.data.refresh_token };
  }
  const parsed = errorBody.safeParse(json);
  const error = parsed.success ? parsed.data.error : response.status >= 500 ? "server_error" : "unknown_error";
  throw new LwaError(classify(response.status, error), error, response.status);
}

/** Website/Appstore flows: trade the 5-minute `spapi_oauth_code` for a refresh token, at once. */
export async function exchangeAuthorizationCode(client: ClientCredentials, code: string, redirectUri: string): Promise<Required<LwaToken>> {
  const token = await requestToken({
    grant_type: "authorization_code",
    code,
    redirect_uri: redirectUri,
    client_id: client.clientId,
    client_secret: client.clientSecret,
  });
  if (!token.refreshToken) throw new LwaError("transient", "missing_refresh_token", 200);
  return token as Required<LwaToken>;
}

export function refreshAccessToken(client: ClientCredentials, refreshToken: string, options: LwaCallOptions = {}): Promise<LwaToken> {
  return requestToken({ grant_type: "refresh_token", refresh_token: refreshToken, client_id: client.clientId, client_secret: client.clientSecret }, options);
}

export function requestGrantlessToken(client: ClientCredentials, scope: GrantlessScope): Promise<LwaToken> {
  return requestToken({ grant_type: "client_credentials", scope, client_id: client.clientId, client_secret: client.clientSecret });
}
