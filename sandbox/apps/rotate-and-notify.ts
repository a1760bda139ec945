import type { SandboxContext } from "../context";
import { newSecretNotification, secretExpiryNotification } from "../notifications/envelopes";
import type { App } from "../state/types";
import { currentSecret, rotateClientSecret, type Rotation } from "./client-secrets";

/** Rotates the app's client secret and sends `APPLICATION_OAUTH_CLIENT_NEW_SECRET`, as Amazon does. */
export function rotateAndNotify(ctx: SandboxContext, app: App): { rotation: Rotation; delivered: Promise<void> } {
  const now = ctx.store.clock.now();
  const rotation = rotateClientSecret(app, now);
  ctx.store.changed();
  const delivered = ctx.notifications.publish(newSecretNotification(app, rotation.newSecret, rotation.oldSecretExpiresAt, now));
  return { rotation, delivered };
}

/** Sends `APPLICATION_OAUTH_CLIENT_SECRET_EXPIRY` for the app's current secret. */
export function sendExpiryWarning(ctx: SandboxContext, app: App): Promise<void> | undefined {
  const secret = currentSecret(app);
  if (!secret) return undefined;
  return ctx.notifications.publish(secretExpiryNotification(app, secret.expiresAt, ctx.store.clock.now()));
}
