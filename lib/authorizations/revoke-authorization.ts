import "server-only";
import type { ActorType } from "@/lib/generated/prisma/client";
import { applyTransition } from "./state-machine";

export interface RevocationInput {
  authorizationId: string;
  tenantId: string;
  reason: "invalid_grant" | "partner_disconnected" | "admin_revoked" | "spapi_unauthorized";
  statusReason: string;
  actorType: ActorType;
  actorId?: string | null;
  requestId?: string | null;
}

/**
 * Revokes an authorization: deletes its refresh token and cached access tokens and records why.
 * Idempotent: only the call that flips the status writes the audit entry and announces
 * `latchkey/authorization.revoked` (the partner's email), so a revocation discovered by many concurrent
 * requests is recorded (and later alerted) once. Returns whether this call flipped it.
 */
export async function markAuthorizationRevoked(input: RevocationInput): Promise<boolean> {
  const revokedAt = new Date();
  const outcome = await applyTransition({
    transition: "revoke",
    authorizationId: input.authorizationId,
    tenantId: input.tenantId,
    actor: { actorType: input.actorType, actorId: input.actorId, requestId: input.requestId },
    at: revokedAt,
    // The token is gone; its fingerprint stays in the audit history. Nothing is refreshed any more, so the
    // failure counters and cool-down end here; the refresh record keeps Amazon's invalid_grant when that was why.
    set: {
      statusReason: input.statusReason,
      revokedAt,
      refreshTokenCiphertext: null,
      refreshTokenFingerprint: null,
      consecutiveFailures: 0,
      refreshCooldownUntil: null,
      lastRefreshError: input.reason === "invalid_grant" ? "invalid_grant" : null,
    },
    details: () => ({ reason: input.reason }),
    event: ({ authorizationId, tenantId, at }) => ({ authorizationId, tenantId, reason: input.reason, revokedAt: at.toISOString() }),
  });
  return outcome.changed;
}
