import "server-only";
// The app's LWA credentials for every LWA call (refresh, grantless, code exchange, self-authorization).
// Calls use the CURRENT secret. When LWA answers `invalid_client` the secrets are read again (another
// instance may have rotated them) and, if the PREVIOUS secret is still inside its window (expiresAt in
// the future), the call is retried once with it and an alert is raised. Decrypted secrets are kept in
// this process for a few seconds at most; a rotation in this process forgets them at once.
import { type ClientCredentials, LwaError } from "@/lib/amazon/lwa";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { AppClient } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/log";
import { processLocal } from "@/lib/runtime/process-local";
import { decryptSystem } from "@/lib/vault";
import { getAppClient } from "./find-app-client";
import { raiseAppClientAlert } from "./raise-app-client-alert";
import { clientSecretContext } from "./secret-context";

/** How long decrypted credentials stay in memory. */
export const CREDENTIALS_CACHE_MS = 3_000;
/** After a fallback succeeded, the previous secret is tried first for this long (one failed call, not two, per request). */
const PREFER_PREVIOUS_MS = 30_000;

interface SecretInUse {
  version: number;
  clientSecret: string;
  fingerprint: string;
  expiresAt: Date | null;
}

export interface CredentialSet {
  appClient: AppClient;
  current: SecretInUse;
  /** The PREVIOUS secret while it is still valid (expiresAt in the future). */
  previous?: SecretInUse;
}

interface Holder {
  set?: CredentialSet;
  loadedAt: number;
  loading?: Promise<CredentialSet>;
  preferPreviousUntil: number;
  /** Bumped by every invalidation, so a load that started before it is not cached. */
  generation: number;
}

const state = processLocal("clientCredentials", (): Holder => ({ loadedAt: 0, preferPreviousUntil: 0, generation: 0 }));

/** Forgets the decrypted credentials in this process (after a rotation or a manual secret change). */
export function invalidateClientCredentials(): void {
  state.set = undefined;
  state.loading = undefined;
  state.loadedAt = 0;
  state.preferPreviousUntil = 0;
  state.generation += 1;
}

async function decryptSecret(appClientId: string, row: { version: number; secretCiphertext: string; fingerprint: string; expiresAt: Date | null }): Promise<SecretInUse> {
  const clientSecret = await decryptSystem(row.secretCiphertext, clientSecretContext(appClientId, row.version));
  return { version: row.version, clientSecret, fingerprint: row.fingerprint, expiresAt: row.expiresAt };
}

async function readCredentialSet(): Promise<CredentialSet> {
  const appClient = await getAppClient();
  const rows = await db.appClientSecret.findMany({
    where: { appClientId: appClient.id, OR: [{ state: "CURRENT" }, { state: "PREVIOUS", expiresAt: { gt: new Date() } }] },
    orderBy: { version: "desc" },
  });
  const currentRow = rows.find((row) => row.state === "CURRENT");
  if (!currentRow) throw new AppError("config_error", "The Amazon app client has no current secret.");
  const previousRow = rows.find((row) => row.state === "PREVIOUS");
  return {
    appClient,
    current: await decryptSecret(appClient.id, currentRow),
    previous: previousRow ? await decryptSecret(appClient.id, previousRow) : undefined,
  };
}

/** The app client with its current (and still-valid previous) secret, decrypted; cached a few seconds. */
export async function loadCredentialSet(options: { fresh?: boolean } = {}): Promise<CredentialSet> {
  if (!options.fresh && state.set && Date.now() - state.loadedAt < CREDENTIALS_CACHE_MS) return state.set;
  if (!options.fresh && state.loading) return state.loading;
  const generation = state.generation;
  const loading = readCredentialSet().then(
    (set) => {
      if (state.generation === generation) {
        state.set = set;
        state.loadedAt = Date.now();
      }
      if (state.loading === loading) state.loading = undefined;
      return set;
    },
    (error: unknown) => {
      if (state.loading === loading) state.loading = undefined;
      throw error;
    },
  );
  state.loading = loading;
  return loading;
}

function isInvalidClient(error: unknown): error is LwaError {
  return error instanceof LwaError && error.error === "invalid_client";
}

function credentialsOf(set: CredentialSet, secret: SecretInUse): ClientCredentials {
  return { clientId: set.appClient.clientId, clientSecret: secret.clientSecret };
}

/**
 * Runs one LWA call with the app's credentials: the CURRENT secret, then — on `invalid_client` — the
 * freshly read CURRENT (if another instance rotated it) or the still-valid PREVIOUS secret, once.
 * Falling back raises the `secret_fallback` alert; every other error passes through unchanged.
 */
export async function withClientCredentials<T>(call: (credentials: ClientCredentials) => Promise<T>, options: { set?: CredentialSet } = {}): Promise<T> {
  // A batch of calls may pass the set it loaded once (so a long batch does not re-read the secrets every few seconds).
  const set = options.set ?? (await loadCredentialSet());
  const preferPrevious = set.previous !== undefined && state.preferPreviousUntil > Date.now();
  const first = preferPrevious && set.previous ? set.previous : set.current;
  try {
    return await call(credentialsOf(set, first));
  } catch (error) {
    if (!isInvalidClient(error)) throw error;
    const fresh = await loadCredentialSet({ fresh: true });
    const others = [fresh.current, fresh.previous].filter((secret): secret is SecretInUse => secret !== undefined && secret.clientSecret !== first.clientSecret);
    for (const secret of others) {
      try {
        const result = await call(credentialsOf(fresh, secret));
        if (secret === fresh.previous) await onFallback(fresh, secret);
        else state.preferPreviousUntil = 0;
        return result;
      } catch (retryError) {
        if (!isInvalidClient(retryError)) throw retryError;
      }
    }
    await raiseAppClientAlert("secret_rejected", {
      clientId: fresh.appClient.clientId,
      currentVersion: fresh.current.version,
      currentFingerprint: fresh.current.fingerprint,
      previousAvailable: fresh.previous !== undefined,
    });
    throw error;
  }
}

async function onFallback(set: CredentialSet, previous: SecretInUse): Promise<void> {
  state.preferPreviousUntil = Date.now() + PREFER_PREVIOUS_MS;
  logger.warn({ currentVersion: set.current.version, previousVersion: previous.version }, "LWA refused the current client secret; used the previous one");
  await raiseAppClientAlert("secret_fallback", {
    clientId: set.appClient.clientId,
    currentVersion: set.current.version,
    currentFingerprint: set.current.fingerprint,
    previousVersion: previous.version,
    previousFingerprint: previous.fingerprint,
    previousExpiresAt: previous.expiresAt?.toISOString() ?? null,
  });
}
