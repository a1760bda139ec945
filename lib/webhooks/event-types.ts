// The lifecycle events Latchkey sends to registered webhook endpoints, with the words the admin page shows.
// Plain data (no server code): the admin form and the API schemas both read it.

export const WEBHOOK_EVENT_TYPES = [
  "authorization.connected",
  "authorization.reauthorized",
  "authorization.revoked",
  "authorization.reauthorization_required",
  "authorization.renewal_due",
  "authorization.refresh_failing",
  "authorization.quarantined",
  "authorization.resumed",
  "authorization.identity_conflict",
  "app_client.secret_rotated",
  "app_client.secret_expiring",
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** The event a "send test event" delivers; never emitted by the lifecycle, always delivered whatever the filter. */
export const WEBHOOK_TEST_EVENT = "webhook.test";

export const WEBHOOK_EVENT_LABELS: Record<WebhookEventType, string> = {
  "authorization.connected": "A seller or vendor connected an account",
  "authorization.reauthorized": "A partner authorized again (new refresh token)",
  "authorization.revoked": "Revoked: by the partner, an admin, or Amazon (invalid_grant)",
  "authorization.reauthorization_required": "The partner must authorize again (renewal date passed, or an admin asked)",
  "authorization.renewal_due": "The yearly renewal is near (60, 30 and 7 days before, and on the day)",
  "authorization.refresh_failing": "Token refreshes keep failing",
  "authorization.quarantined": "Token issuance paused by an admin",
  "authorization.resumed": "Tokens are served again (pause lifted, or a review confirmed the connection)",
  "authorization.identity_conflict": "Held for review: the Amazon account is claimed by another tenant or changed",
  "app_client.secret_rotated": "The app's LWA client secret was rotated",
  "app_client.secret_expiring": "The app's LWA client secret expires soon (30, 7 and 1 day before, and when it has)",
};

/** Why an authorization was revoked, as a webhook says it. */
export type WebhookRevocationReason = "partner" | "admin" | "invalid_grant";
