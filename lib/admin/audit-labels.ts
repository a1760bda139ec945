// Audit actions in plain words for the admin pages (the partner-facing labels, plus admin and app-client events).
import { AUDIT_ACTION_LABELS } from "@/lib/authorizations/status-copy";

export const ADMIN_AUDIT_LABELS: Record<string, string> = {
  ...AUDIT_ACTION_LABELS,
  "authorization.token_refreshed": "Token refreshed by an admin",
  "tenant.registered": "Tenant registered",
  "tenant.created_by_admin": "Tenant created by an admin",
  "auth.signed_in": "Signed in",
  "api_key.created": "API key created",
  "api_key.revoked": "API key revoked",
  "app_client.created": "App client created",
  "app_client.status_changed": "App status changed",
  "app_client.billing_updated": "Billing details updated",
  "app_client.secret_set_manually": "Client secret entered manually",
  "app_client.secret_received": "New client secret received from Amazon",
  "app_client.secret_rotated": "Client secret rotated",
  "app_client.secret_expiry_notified": "Amazon announced the client secret's expiry",
  "app_client.rotation_requested": "Client secret rotation requested",
  "app_client.rotation_request_failed": "Client secret rotation could not be requested",
  "app_client.destination_created": "Notification destination created",
  "app_client.destination_deleted": "Notification destination deleted",
};

export function auditLabel(action: string): string {
  return ADMIN_AUDIT_LABELS[action] ?? action;
}

export const ACTOR_LABELS = { PARTNER: "Partner", ADMIN: "Admin", SYSTEM: "Latchkey", API_KEY: "API key", AMAZON: "Amazon" } as const;

/** The outcome an entry records (tests and refreshes), in a word or two: "passed", "failed: revoked". */
export function auditOutcome(action: string, details: unknown): string | null {
  if (action !== "authorization.connectivity_tested" && action !== "authorization.token_refreshed") return null;
  if (!details || typeof details !== "object") return null;
  const { ok, failure } = details as { ok?: unknown; failure?: unknown };
  if (ok === true) return action === "authorization.token_refreshed" ? "new token" : "passed";
  if (ok === false) return typeof failure === "string" ? `failed: ${failure.replace(/_/g, " ")}` : "failed";
  return null;
}
