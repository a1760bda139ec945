import { toIso } from "../clock";
import type { SandboxContext } from "../context";
import { hashSecret } from "../ids";
import type { App, ClientSecret } from "../state/types";

function secretView(secret: ClientSecret, now: number, revealed: ReadonlyMap<string, string>) {
  return {
    value: revealed.get(secret.hash) ?? secret.preview,
    createdAt: toIso(secret.createdAt),
    expiresAt: toIso(secret.expiresAt),
    valid: now < secret.expiresAt,
  };
}

/** An app as the control API shows it; secrets are masked except `secretValues`, the ones the caller just registered. */
export function appView(app: App, now: number, secretValues: readonly string[] = []) {
  const revealed = new Map(secretValues.map((value) => [hashSecret(value), value]));
  return {
    applicationId: app.applicationId,
    clientId: app.clientId,
    appName: app.appName,
    redirectUris: app.redirectUris,
    loginUri: app.loginUri ?? null,
    published: app.published,
    notificationQueueEnrolled: app.notificationQueueEnrolled,
    subscriptionId: app.subscriptionId,
    clientSecrets: app.clientSecrets.map((secret) => secretView(secret, now, revealed)),
  };
}

/** `GET /_sandbox/state`: a summary, without tokens. */
export function stateSummary(ctx: SandboxContext) {
  const data = ctx.store.data;
  const now = ctx.store.clock.now();
  return {
    createdAt: toIso(data.createdAt),
    now: toIso(now),
    clockOffsetMs: data.clockOffsetMs,
    defaultApplicationId: data.defaultApplicationId,
    config: data.config,
    apps: data.apps.map((app) => appView(app, now)),
    accounts: data.accounts,
    authorizations: data.refreshTokens.map((token) => ({
      applicationId: token.applicationId,
      sellingPartnerId: token.sellingPartnerId,
      source: token.source,
      createdAt: toIso(token.createdAt),
      revoked: token.revokedAt !== undefined,
    })),
    counts: {
      refreshTokens: data.refreshTokens.length,
      revokedRefreshTokens: data.refreshTokens.filter((token) => token.revokedAt !== undefined).length,
      accessTokens: data.accessTokens.filter((token) => token.expiresAt > now).length,
      authorizationCodes: data.authorizationCodes.length,
      amazonStates: data.amazonStates.length,
      restrictedDataTokens: data.restrictedDataTokens.filter((token) => token.expiresAt > now).length,
      destinations: data.destinations.length,
      notifications: data.notifications.length,
    },
    selfAuthorizations: data.selfAuthorizations,
    faults: ctx.faults.list(),
  };
}
