// Why an authorization needs attention, in plain words, from the columns the token service maintains.
// Pure, so the table, the detail page and their tests share it.

export interface HealthInput {
  status: string | null;
  consecutiveFailures: number | null;
  lastRefreshError: string | null;
  lastConnectivityOk: boolean | null;
  lastConnectivityAt: Date | null;
  tenantQuarantinedAt?: Date | null;
  /** An open identity conflict names this authorization (as the claim or the holder). */
  identityConflict?: boolean | null;
}

/** LWA error codes (what lastRefreshError holds) in an admin's words. */
export const REFRESH_ERROR_WORDS: Record<string, string> = {
  invalid_grant: "Amazon no longer accepts the refresh token (revoked or expired)",
  invalid_client: "Amazon rejected the app's own client credentials",
  unauthorized_client: "Amazon says the app may not use this grant",
  server_error: "Login with Amazon answered with a server error",
  temporarily_unavailable: "Login with Amazon was temporarily unavailable",
  too_many_requests: "Login with Amazon throttled the refresh",
  timeout: "Login with Amazon did not answer in time",
  network_error: "Login with Amazon could not be reached",
  amazon_unexpected_response: "Login with Amazon answered in a shape Latchkey does not recognise (nothing was stored)",
};

export function describeRefreshError(code: string): string {
  return REFRESH_ERROR_WORDS[code] ?? `Token refresh failed (${code})`;
}

/** The problems to show for one authorization, most important first; empty when healthy. */
export function describeProblems(input: HealthInput): string[] {
  const problems: string[] = [];
  if (input.identityConflict) {
    problems.push(input.status === "IDENTITY_CONFLICT" ? "Identity conflict: this claim is held (no tokens) until an admin keeps one side" : "Identity conflict: another tenant claims this account; resolve it on the authorization page");
  }
  if (input.tenantQuarantinedAt) problems.push("Token issuance is paused for the whole tenant");
  const failures = input.consecutiveFailures ?? 0;
  if (failures > 0) problems.push(failures === 1 ? "The last token refresh failed" : `${failures} token refreshes failed in a row`);
  // invalid_grant revoked the authorization: its status already says so.
  if (input.lastRefreshError && input.lastRefreshError !== "invalid_grant") problems.push(describeRefreshError(input.lastRefreshError));
  if (input.lastConnectivityOk === false) problems.push("The last connection test failed");
  return problems;
}
