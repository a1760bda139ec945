import { DAY_MS } from "../clock";
import { hashSecret, newClientSecret, safeEqual } from "../ids";
import type { App, ClientSecret } from "../state/types";
import { CLIENT_SECRET_LIFETIME_MS } from "./app-input";
import { storedSecret } from "./stored-secret";

/** After a rotation the previous secret stays valid this long (AMAZON.md: 7 days). */
export const PREVIOUS_SECRET_GRACE_MS = 7 * DAY_MS;

export function isSecretValid(secret: ClientSecret, now: number): boolean {
  return now < secret.expiresAt;
}

/** True when `value` is one of the app's secrets and has not expired. */
export function clientSecretMatches(app: App, value: string, now: number): boolean {
  const hash = hashSecret(value);
  return app.clientSecrets.some((secret) => safeEqual(secret.hash, hash) && isSecretValid(secret, now));
}

export function currentSecret(app: App): ClientSecret | undefined {
  return app.clientSecrets.at(-1);
}

export function previousSecret(app: App): ClientSecret | undefined {
  return app.clientSecrets.at(-2);
}

export interface Rotation {
  /** The new secret's value, known only at this moment (the app keeps its hash). */
  newSecret: { value: string; expiresAt: number };
  oldSecretExpiresAt: number;
}

/** A new current secret (180 days); the old current one now expires in 7 days (or sooner if it already did). */
export function rotateClientSecret(app: App, now: number): Rotation {
  const old = currentSecret(app);
  const oldSecretExpiresAt = old ? Math.min(old.expiresAt, now + PREVIOUS_SECRET_GRACE_MS) : now;
  if (old) old.expiresAt = oldSecretExpiresAt;
  const newSecret = { value: newClientSecret(), expiresAt: now + CLIENT_SECRET_LIFETIME_MS };
  app.clientSecrets.push(storedSecret(newSecret.value, now, newSecret.expiresAt));
  return { newSecret, oldSecretExpiresAt };
}
