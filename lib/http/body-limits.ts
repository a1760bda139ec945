// How many bytes a request body may have, per door (README, security). A body over its limit is refused
// with 413 while it is being read, before any signature check or JSON parsing.
export const BODY_LIMITS = {
  /** `/api/v1/*`, outcome batches included (500 outcomes are ~60 KiB). */
  api: 256 * 1024,
  /** `/api/notifications/amazon`: one Amazon notification is a few KiB. */
  notificationIngest: 64 * 1024,
  /** `/api/webhooks/resend`: one Resend event is a few KiB (the email's headers, never its body). */
  resendWebhook: 64 * 1024,
} as const;
