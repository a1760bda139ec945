import type { StateFailure } from "./oauth-state";

/** Every way an authorization flow can end without a connection; each has a partner-facing page. */
export type CallbackFailure =
  | StateFailure
  | "consent_cancelled"
  | "amazon_error"
  | "callback_incomplete"
  | "code_invalid"
  | "amazon_unavailable"
  | "app_client_rejected"
  | "account_connected_elsewhere"
  | "different_account"
  | "vendor_appstore"
  | "appstore_link_invalid"
  | "wrong_region";

export const CALLBACK_FAILURES: readonly CallbackFailure[] = [
  "state_missing",
  "state_unknown",
  "state_expired",
  "state_reused",
  "state_other_browser",
  "consent_cancelled",
  "amazon_error",
  "callback_incomplete",
  "code_invalid",
  "amazon_unavailable",
  "app_client_rejected",
  "account_connected_elsewhere",
  "different_account",
  "vendor_appstore",
  "appstore_link_invalid",
  "wrong_region",
];

export function isCallbackFailure(value: unknown): value is CallbackFailure {
  return typeof value === "string" && (CALLBACK_FAILURES as readonly string[]).includes(value);
}
