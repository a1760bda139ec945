import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { adminTransitionActor } from "./admin-actor";
import { transitionAuthorization } from "./state-machine";

/**
 * Pauses token issuance (the token API answers tenant_quarantined, 423) until lifted or reauthorized.
 * Every instance of the token service sees it within STATUS_MAX_AGE_MS (one second); this one at once.
 */
export async function quarantineAuthorization(authorizationId: string, actor: Actor): Promise<{ changed: boolean }> {
  const quarantinedAt = new Date();
  const outcome = await transitionAuthorization({
    transition: "quarantine",
    authorizationId,
    actor: adminTransitionActor(actor),
    at: quarantinedAt,
    set: { quarantinedAt, statusReason: "An administrator paused access to this account." },
    details: ({ from }) => ({ previousStatus: from }),
    event: ({ tenantId }) => ({ authorizationId, tenantId, quarantinedAt: quarantinedAt.toISOString() }),
  });
  return { changed: outcome.changed };
}
