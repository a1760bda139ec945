import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import type { ActorType } from "@/lib/generated/prisma/client";
import { forgetAuthorizationForTokens } from "@/lib/tokens/authorization-for-tokens";
import { forgetMemoryToken } from "@/lib/tokens/cached-token";
import { sendWorkflowEvent } from "@/lib/workflows/send-event";

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
 * Idempotent: only the call that flips the status writes the audit entry, so a revocation discovered by
 * many concurrent requests is recorded (and later alerted) once. Returns whether this call flipped it.
 * The call that flipped it also announces `latchkey/authorization.revoked` (the partner's email).
 */
export async function markAuthorizationRevoked(input: RevocationInput): Promise<boolean> {
  // This instance stops at once; the others within the token service's status age (one second).
  forgetMemoryToken(`authorization:${input.authorizationId}`);
  forgetAuthorizationForTokens(input.authorizationId);
  const revokedAt = new Date();
  const flipped = await db.$transaction(async (tx) => {
    const flipped = await tx.authorization.updateMany({
      where: { id: input.authorizationId, tenantId: input.tenantId, status: { not: "REVOKED" } },
      data: {
        status: "REVOKED",
        statusReason: input.statusReason,
        revokedAt,
        refreshTokenCiphertext: null,
        refreshTokenFingerprint: null, // the token is gone; its fingerprint stays in the audit history
      },
    });
    await tx.accessTokenCache.deleteMany({ where: { authorizationId: input.authorizationId } });
    if (flipped.count === 0) return false;
    await recordAuditEvent(
      {
        action: "authorization.revoked",
        actorType: input.actorType,
        actorId: input.actorId ?? null,
        tenantId: input.tenantId,
        authorizationId: input.authorizationId,
        details: { reason: input.reason },
        requestId: input.requestId ?? null,
      },
      tx,
    );
    return true;
  });
  if (flipped) {
    await sendWorkflowEvent({
      name: "latchkey/authorization.revoked",
      data: { authorizationId: input.authorizationId, tenantId: input.tenantId, reason: input.reason, revokedAt: revokedAt.toISOString() },
    });
  }
  return flipped;
}
