import "server-only";
import { db } from "@/lib/db/client";
import { readServerEnv } from "@/lib/env";
import type { OAuthFlow, OAuthState, Prisma, Region } from "@/lib/generated/prisma/client";
import { hashToken, randomToken, sameHash } from "./state-token";

/** Default 15 minutes (the AWS sample's): long enough to sign in at Amazon, short enough to be useless later. */
function stateTtlMs(): number {
  return readServerEnv().OAUTH_STATE_TTL_SECONDS * 1000;
}

export interface NewOAuthState {
  flow: OAuthFlow;
  tenantId: string;
  userId: string | null;
  /** Set instead of a user when a connect link started the flow. */
  connectLinkId?: string | null;
  region: Region;
  marketplaceId?: string | null;
  authorizationId?: string | null;
  redirectUri: string;
  reason?: string | null;
}

/** Creates a single-use state bound to this browser (the binding cookie's hash) and user (or connect link). */
export async function createOAuthState(input: NewOAuthState, bindingCookie: string, client: Pick<Prisma.TransactionClient, "oAuthState"> = db): Promise<string> {
  const state = randomToken();
  await client.oAuthState.create({
    data: {
      stateHash: hashToken(state),
      browserBindingHash: hashToken(bindingCookie),
      flow: input.flow,
      tenantId: input.tenantId,
      userId: input.userId,
      connectLinkId: input.connectLinkId ?? null,
      region: input.region,
      marketplaceId: input.marketplaceId ?? null,
      authorizationId: input.authorizationId ?? null,
      redirectUri: input.redirectUri,
      reason: input.reason ?? null,
      expiresAt: new Date(Date.now() + stateTtlMs()),
    },
  });
  return state;
}

export type StateFailure = "state_missing" | "state_unknown" | "state_expired" | "state_reused" | "state_other_browser";

export type ConsumedState = { ok: true; state: OAuthState } | { ok: false; failure: StateFailure; state?: OAuthState };

/**
 * Consumes a state exactly once. Checks, in order: known, not yet used, not expired, same browser and
 * same signed-in user (for a state a connect link started: the same link's browser session instead). A
 * callback opened elsewhere does not burn the state. The consuming update is conditional, so two racing
 * callbacks cannot both succeed.
 */
export async function consumeOAuthState(
  state: string | null | undefined,
  bindingCookie: string | null | undefined,
  userId: string | null | undefined,
  connectLinkId?: string | null,
): Promise<ConsumedState> {
  if (!state) return { ok: false, failure: "state_missing" };
  const row = await db.oAuthState.findUnique({ where: { stateHash: hashToken(state) } });
  if (!row) return { ok: false, failure: "state_unknown" };
  if (row.consumedAt) return { ok: false, failure: "state_reused", state: row };
  if (row.expiresAt.getTime() <= Date.now()) return { ok: false, failure: "state_expired", state: row };
  const sameOwner = row.connectLinkId ? Boolean(connectLinkId) && row.connectLinkId === connectLinkId : Boolean(userId) && row.userId === userId;
  if (!bindingCookie || !sameHash(hashToken(bindingCookie), row.browserBindingHash) || !sameOwner) {
    return { ok: false, failure: "state_other_browser", state: row };
  }
  const claimed = await db.oAuthState.updateMany({ where: { id: row.id, consumedAt: null }, data: { consumedAt: new Date() } });
  if (claimed.count !== 1) return { ok: false, failure: "state_reused", state: row };
  return { ok: true, state: { ...row, consumedAt: new Date() } };
}
