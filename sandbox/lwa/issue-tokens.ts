import { DAY_MS } from "../clock";
import { hashSecret, newAccessToken, newRefreshToken } from "../ids";
import type { SandboxStore } from "../state/store";
import type { AccessTokenRecord, App, AuthorizationSource, RefreshTokenRecord } from "../state/types";

export const ACCESS_TOKEN_LIFETIME_SECONDS = 3600;

/** Drops records nobody can use any more, so the state file stays small. */
function pruneExpired(store: SandboxStore, now: number): void {
  const data = store.data;
  const horizon = now - DAY_MS;
  data.accessTokens = data.accessTokens.filter((token) => token.expiresAt > horizon);
  data.restrictedDataTokens = data.restrictedDataTokens.filter((token) => token.expiresAt > horizon);
  data.authorizationCodes = data.authorizationCodes.filter((code) => code.expiresAt > horizon);
  data.amazonStates = data.amazonStates.filter((state) => state.expiresAt > horizon);
}

/** Mints a refresh token for an (app, selling partner) pair; earlier ones stay valid. */
export function issueRefreshToken(store: SandboxStore, app: App, sellingPartnerId: string, source: AuthorizationSource): { token: string; record: RefreshTokenRecord } {
  const token = newRefreshToken();
  const record: RefreshTokenRecord = {
    hash: hashSecret(token),
    applicationId: app.applicationId,
    sellingPartnerId,
    source,
    createdAt: store.clock.now(),
  };
  store.data.refreshTokens.push(record);
  store.changed();
  return { token, record };
}

export type AccessTokenGrant =
  | { kind: "partner"; sellingPartnerId: string; refreshTokenHash: string }
  | { kind: "grantless"; scope: string };

/** Mints a one-hour access token bound to a selling partner (via its refresh token) or to a grantless scope. */
export function issueAccessToken(store: SandboxStore, app: App, grant: AccessTokenGrant): string {
  const now = store.clock.now();
  pruneExpired(store, now);
  const token = newAccessToken();
  const record: AccessTokenRecord = {
    hash: hashSecret(token),
    applicationId: app.applicationId,
    clientId: app.clientId,
    expiresAt: now + ACCESS_TOKEN_LIFETIME_SECONDS * 1000,
    ...(grant.kind === "partner"
      ? { kind: "partner" as const, sellingPartnerId: grant.sellingPartnerId, refreshTokenHash: grant.refreshTokenHash }
      : { kind: "grantless" as const, scope: grant.scope }),
  };
  store.data.accessTokens.push(record);
  store.changed();
  return token;
}

export function findRefreshToken(store: SandboxStore, token: string): RefreshTokenRecord | undefined {
  const hash = hashSecret(token);
  return store.data.refreshTokens.find((record) => record.hash === hash);
}

export function isRefreshTokenUsable(record: RefreshTokenRecord | undefined): record is RefreshTokenRecord {
  return record !== undefined && record.revokedAt === undefined;
}

