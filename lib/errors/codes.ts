// The stable error codes the app returns, and the one map from code to HTTP status. Clients and tests
// match on the code, never on the message. Add a code here (and only here) to extend the set.

export const ERROR_STATUS = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  // The API key was not given the scope this call needs (chosen when the key was created).
  insufficient_scope: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  invalid_input: 422,
  rate_limited: 429,
  internal: 500,
  config_error: 500,
  vault_decrypt_failed: 500,
  vault_key_unavailable: 500,
  // Amazon (LWA or SP-API) is down or failing: 503 so callers retry later rather than treat it as our bug.
  amazon_unavailable: 503,
  // Amazon answered 2xx in a shape its model does not describe: nothing was taken from it (502, bad gateway).
  amazon_unexpected_response: 502,
  // The authorization cannot serve tokens until a person acts; retrying does not help (4xx, never retried).
  authorization_pending: 409,
  authorization_revoked: 409,
  reauthorization_required: 409,
  tenant_quarantined: 423,
  // The app's own LWA credentials were refused (invalid_client): an operator problem, not the tenant's.
  app_client_rejected: 503,
  // SP-API gateway (issue 14): refused before any call to Amazon.
  unknown_operation: 404,
  operation_not_in_ledger: 403,
  role_not_granted: 403,
  // The connection is held for an admin's review (its Amazon account is claimed by another tenant or changed).
  identity_conflict: 409,
  // Management API (issue 15).
  external_id_taken: 409,
  idempotency_key_reused: 422,
  idempotency_in_progress: 409,
  already_connected: 409,
  not_connected: 409,
  return_url_not_allowed: 422,
  // The roles ledger's two-person review (issue 14 §4).
  ledger_self_approval: 403,
  ledger_change_pending: 409,
  ledger_proposal_decided: 409,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** What the user sees when the code says enough and the caller gave no message of its own. */
export const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  bad_request: "The request could not be understood.",
  unauthenticated: "Sign in or provide valid credentials.",
  forbidden: "You are not allowed to do this.",
  insufficient_scope: "This API key does not have the scope this call needs.",
  not_found: "Not found.",
  method_not_allowed: "This method is not allowed here; see the Allow header.",
  payload_too_large: "The request body is too large.",
  conflict: "The request conflicts with the current state.",
  invalid_input: "Some of the input is invalid.",
  rate_limited: "Too many requests; slow down and retry later.",
  internal: "Something went wrong on our side. Quote the request id if you contact support.",
  config_error: "The server is misconfigured. Quote the request id if you contact support.",
  vault_decrypt_failed: "A stored secret could not be decrypted.",
  vault_key_unavailable: "A master key needed to read stored secrets is not configured.",
  amazon_unavailable: "Amazon is not responding right now; retry later.",
  amazon_unexpected_response: "Amazon answered in a shape Latchkey does not recognise, so nothing was taken from it. Retry later; if it keeps happening, report it.",
  authorization_pending: "This Amazon account has not finished connecting yet.",
  authorization_revoked: "This Amazon authorization was revoked; the partner must connect again.",
  reauthorization_required: "This Amazon authorization must be renewed by the partner.",
  tenant_quarantined: "Token issuance for this tenant is paused by an administrator.",
  app_client_rejected: "Amazon rejected this app's credentials; an administrator must check the client secret.",
  unknown_operation: "No SP-API operation has this method and path.",
  operation_not_in_ledger: "This SP-API operation is not in the roles ledger, so Latchkey does not call it.",
  role_not_granted: "The selling partner did not grant a role this SP-API operation needs.",
  identity_conflict: "This connection is under review: its Amazon account is claimed by another tenant or changed. An administrator must resolve it.",
  external_id_taken: "Another tenant already has this externalId.",
  idempotency_key_reused: "This Idempotency-Key was already used with a different request; use a new key for a new request.",
  idempotency_in_progress: "A request with this Idempotency-Key is still running; retry in a moment.",
  already_connected: "This tenant is already connected in this region; create a reauthorize link instead.",
  not_connected: "This tenant has no connection in this region to reauthorize; create a connect link instead.",
  return_url_not_allowed: "The returnUrl's origin is not on the allowlist (CONNECT_LINK_RETURN_ORIGINS).",
  ledger_self_approval: "You proposed this ledger change, so you cannot approve it: a second admin must.",
  ledger_change_pending: "This operation already has a ledger change waiting for review: approve or reject it first.",
  ledger_proposal_decided: "This ledger change was already approved or rejected.",
};

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && Object.hasOwn(ERROR_STATUS, value);
}

export function statusForCode(code: ErrorCode): number {
  return ERROR_STATUS[code];
}
