/** An LWA token endpoint answer: status + JSON body (`{"error","error_description"}` on failure). */
export interface LwaResult {
  status: number;
  body: Record<string, string | number>;
}

export function lwaError(status: number, error: string, description: string): LwaResult {
  return { status, body: { error, error_description: description } };
}

/** Exactly the message AMAZON.md quotes for a revoked or never-granted refresh token. */
export const REFRESH_TOKEN_INVALID_GRANT = lwaError(
  400,
  "invalid_grant",
  "The request has an invalid grant parameter : refresh_token. User may have revoked or didn't grant the permission.",
);

export const CLIENT_AUTHENTICATION_FAILED = lwaError(401, "invalid_client", "Client authentication failed");

// unconfirmed: wording below follows the pattern of Amazon's refresh_token message; Amazon documents only the codes.
export const CODE_INVALID_GRANT = lwaError(400, "invalid_grant", "The request has an invalid grant parameter : code");

export function missingParameter(name: string): LwaResult {
  return lwaError(400, "invalid_request", `The request is missing a required parameter : ${name}`);
}

export const WRONG_CONTENT_TYPE = lwaError(400, "invalid_request", "The request has an invalid parameter : Content-Type must be application/x-www-form-urlencoded");

export const UNSUPPORTED_GRANT_TYPE = lwaError(400, "unsupported_grant_type", "The authorization grant type is not supported by the authorization server");

export const INVALID_SCOPE = lwaError(400, "invalid_scope", "The request has an invalid parameter : scope");

// unconfirmed: Amazon does not document LWA's failure bodies under load or outage; OAuth-style codes are used.
export function serverError(status: number): LwaResult {
  return lwaError(status, "server_error", "The authorization server encountered an unexpected condition. Please retry.");
}

export const THROTTLED = lwaError(429, "too_many_requests", "The request was throttled. Please retry later.");
