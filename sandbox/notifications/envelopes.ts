import { z } from "zod";
import { maskSecret } from "../apps/stored-secret";
import { toIso } from "../clock";
import { newUuid } from "../ids";
import type { App, NotificationEnvelope } from "../state/types";

function envelope(app: App, notificationType: string, payload: Record<string, unknown>, now: number): NotificationEnvelope {
  const time = toIso(now);
  return {
    notificationVersion: "1.0",
    notificationType,
    payloadVersion: "2023-11-30",
    eventTime: time,
    payload,
    notificationMetadata: { applicationId: app.applicationId, subscriptionId: app.subscriptionId, publishTime: time, notificationId: newUuid() },
  };
}

/** `APPLICATION_OAUTH_CLIENT_NEW_SECRET`, exactly the envelope AMAZON.md shows. */
export function newSecretNotification(app: App, newSecret: { value: string; expiresAt: number }, oldSecretExpiresAt: number, now: number): NotificationEnvelope {
  return envelope(
    app,
    "APPLICATION_OAUTH_CLIENT_NEW_SECRET",
    {
      applicationOAuthClientNewSecret: {
        clientId: app.clientId,
        newClientSecret: newSecret.value,
        newClientSecretExpiryTime: toIso(newSecret.expiresAt),
        oldClientSecretExpiryTime: toIso(oldSecretExpiresAt),
      },
    },
    now,
  );
}

/** `APPLICATION_OAUTH_CLIENT_SECRET_EXPIRY`, the warning Amazon sends ahead of expiry. */
export function secretExpiryNotification(app: App, expiresAt: number, now: number): NotificationEnvelope {
  return envelope(
    app,
    "APPLICATION_OAUTH_CLIENT_SECRET_EXPIRY",
    {
      applicationOAuthClientSecretExpiry: {
        clientId: app.clientId,
        clientSecretExpiryTime: toIso(expiresAt),
        clientSecretExpiryReason: "PERIODIC_ROTATION",
      },
    },
    now,
  );
}

const newSecretPayloadSchema = z.looseObject({ newClientSecret: z.string() });

/**
 * The copy of a notification the sandbox keeps (state file, `GET /_sandbox/notifications`): a new client
 * secret's value is masked there; only its recipients (the queue, the sink) get it whole, as from Amazon.
 */
export function keptNotification(envelope: NotificationEnvelope): NotificationEnvelope {
  const newSecret = newSecretPayloadSchema.safeParse(envelope.payload.applicationOAuthClientNewSecret);
  if (!newSecret.success) return envelope;
  const masked = { ...newSecret.data, newClientSecret: maskSecret(newSecret.data.newClientSecret) };
  return { ...envelope, payload: { ...envelope.payload, applicationOAuthClientNewSecret: masked } };
}
