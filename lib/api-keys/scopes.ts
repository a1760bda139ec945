// What an API key may ask for, chosen when it is created (README, security). Client-secret rotation is
// not among them: only the admin UI and the scheduled workflow rotate the app's secret, so a leaked or
// over-broad worker key cannot rotate it behind the admins' back.
import type { GrantlessScope } from "@/lib/amazon/lwa";

export const API_KEY_SCOPES = ["access_tokens", "restricted_data_tokens", "outcomes", "grantless_notifications", "gateway", "management"] as const;

export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** What the admin page says about each scope. */
export const API_KEY_SCOPE_LABELS: Record<ApiKeyScope, { label: string; description: string }> = {
  access_tokens: { label: "Access tokens", description: "LWA access tokens for the tenants' authorizations" },
  restricted_data_tokens: { label: "Restricted Data Tokens", description: "RDTs for restricted operations (buyer PII)" },
  outcomes: { label: "Outcomes", description: "Report SP-API call outcomes for monitoring" },
  grantless_notifications: { label: "Grantless: notifications", description: "An app-wide token for notification subscriptions (only for keys that serve every tenant)" },
  gateway: { label: "SP-API gateway", description: "SP-API calls through Latchkey (/api/v1/spapi), with tokens and RDTs added by Latchkey" },
  management: { label: "Management", description: "Create, read and update tenants, read authorizations (never a token) and create connect links (/api/v1/tenants, /authorizations, /connect-links)" },
};

/** The key scope each grantless token scope needs; `null`: no API key may ever have it. */
export const GRANTLESS_KEY_SCOPE: Record<GrantlessScope, ApiKeyScope | null> = {
  "sellingpartnerapi::notifications": "grantless_notifications",
  "sellingpartnerapi::client_credential:rotation": null,
};
