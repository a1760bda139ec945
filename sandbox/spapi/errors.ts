/** An SP-API answer: status + JSON body (undefined = empty body, e.g. 204) and any headers of its own. */
export interface SpApiResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface SpApiError {
  code: string;
  message: string;
  details: string;
}

/** Amazon's error body: `{"errors":[{"code","message","details"}]}`. */
export function spapiError(status: number, code: string, message: string, details = ""): SpApiResult {
  const error: SpApiError = { code, message, details };
  return { status, body: { errors: [error] } };
}

const ACCESS_DENIED = "Access to requested resource is denied.";

/** A revoked, expired, unknown or wrong-kind token (AMAZON.md). */
export const unauthorized = (): SpApiResult => spapiError(403, "Unauthorized", ACCESS_DENIED);

/** No `x-amz-access-token` header (AMAZON.md: 403 MissingAuthenticationToken). */
export const missingAuthenticationToken = (): SpApiResult => spapiError(403, "MissingAuthenticationToken", ACCESS_DENIED);

/** unconfirmed: AMAZON.md marks the 429 code `QuotaExceeded` as unconfirmed. */
export const quotaExceeded = (): SpApiResult => spapiError(429, "QuotaExceeded", "You exceeded your quota for the requested resource.");

export const invalidInput = (message: string, details = ""): SpApiResult => spapiError(400, "InvalidInput", message, details);

/** unconfirmed: Amazon's answer for an unknown path is undocumented; the sandbox uses 404 NotFound. */
export const routeNotFound = (): SpApiResult => spapiError(404, "NotFound", "The requested resource was not found.");

export const internalFailure = (status: number): SpApiResult =>
  spapiError(status, "InternalFailure", "We encountered an internal error. Please try again.");
