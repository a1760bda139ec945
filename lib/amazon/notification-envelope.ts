import "server-only";
// The two client-secret notifications in Amazon's envelope (AMAZON.md, "App client secret lifecycle"),
// as they arrive in an SQS message body or through a relay. Relays that wrap the envelope (an SNS
// HTTP(S) subscription's `{"Type":"Notification","Message":"<envelope JSON>"}`) are unwrapped first.
import { z } from "zod";

export const NEW_SECRET = "APPLICATION_OAUTH_CLIENT_NEW_SECRET";
export const SECRET_EXPIRY = "APPLICATION_OAUTH_CLIENT_SECRET_EXPIRY";

const isoTime = z.iso.datetime({ offset: true }).transform((value) => new Date(value));

const metadata = z.object({
  applicationId: z.string().min(1),
  subscriptionId: z.string().optional(),
  publishTime: z.string().optional(),
  notificationId: z.string().min(1).max(256),
});

/** Any SP-API notification: enough to deduplicate and route it. */
export const notificationEnvelope = z.object({
  notificationVersion: z.string().optional(),
  notificationType: z.string().min(1).max(128),
  payloadVersion: z.string().optional(),
  eventTime: z.string().optional(),
  payload: z.record(z.string(), z.unknown()),
  notificationMetadata: metadata,
});

export const newSecretPayload = z.object({
  applicationOAuthClientNewSecret: z.object({
    clientId: z.string().min(1),
    newClientSecret: z.string().min(1).max(2048),
    newClientSecretExpiryTime: isoTime,
    oldClientSecretExpiryTime: isoTime,
  }),
});

export const secretExpiryPayload = z.object({
  applicationOAuthClientSecretExpiry: z.object({
    clientId: z.string().min(1),
    clientSecretExpiryTime: isoTime,
    clientSecretExpiryReason: z.string().optional(),
  }),
});

export type NotificationEnvelope = z.infer<typeof notificationEnvelope>;

const snsWrapper = z.object({ Type: z.literal("Notification"), Message: z.string() });

function parseJsonText(value: unknown): unknown {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
}

/** The envelope inside a raw SQS body, relay body or object; undefined when it is not one. */
export function parseNotificationEnvelope(raw: unknown): NotificationEnvelope | undefined {
  let value = parseJsonText(raw);
  const sns = snsWrapper.safeParse(value);
  if (sns.success) value = parseJsonText(sns.data.Message);
  const parsed = notificationEnvelope.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
