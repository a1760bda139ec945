import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { adminTransitionActor } from "./admin-actor";
import { transitionAuthorization } from "./state-machine";

/** Emails the partner a signed link to authorize again; the status does not change. */
export async function requestReauthorization(authorizationId: string, actor: Actor): Promise<{ changed: boolean }> {
  const outcome = await transitionAuthorization({
    transition: "requestReauthorization",
    authorizationId,
    actor: adminTransitionActor(actor),
    event: ({ tenantId, at }) => ({ authorizationId, tenantId, requestedBy: actor.userId, requestedAt: at.toISOString() }),
  });
  return { changed: outcome.changed };
}
