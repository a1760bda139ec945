import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { adminTransitionActor } from "./admin-actor";
import { describeAccountFingerprint } from "./account-fingerprint";
import { listOpenIdentityConflicts } from "./identity-conflicts";
import { markAuthorizationRevoked } from "./revoke-authorization";
import { applyTransition } from "./state-machine";

/** "claim": the connection under review is the real owner's; "holder": the one connected before is. */
export type IdentityConflictChoice = "claim" | "holder";

/**
 * An admin keeps one side of an identity conflict and revokes the other (its refresh token deleted, its
 * partner told it was disconnected). Keeping the claim confirms it (tokens are served) and, when another
 * tenant held the account, revokes theirs. The resolution is claimed once, so two admins choosing
 * differently at the same time cannot revoke both; it is audited with both fingerprints.
 */
export async function resolveIdentityConflict(input: { conflictId: string; keep: IdentityConflictChoice; actor: Actor }): Promise<{ changed: boolean }> {
  const [conflict] = await listOpenIdentityConflicts({ conflictId: input.conflictId });
  if (!conflict) {
    if (await db.identityConflict.count({ where: { id: input.conflictId } })) return { changed: false };
    throw new AppError("not_found");
  }
  const now = new Date();
  const claimed = await db.identityConflict.updateMany({
    where: { id: conflict.id, resolvedAt: null },
    data: { resolvedAt: now, resolvedById: input.actor.userId, resolution: input.keep === "claim" ? "kept_claim" : "kept_holder" },
  });
  if (claimed.count === 0) return { changed: false };

  const actor = adminTransitionActor(input.actor);
  const kept = input.keep === "claim" ? conflict.claim.authorizationId : conflict.holder?.authorizationId ?? null;
  const revoked = input.keep === "claim" ? (conflict.holder ? { authorizationId: conflict.holder.authorizationId, tenantId: conflict.holder.tenantId } : null) : { authorizationId: conflict.claim.authorizationId, tenantId: conflict.claim.tenantId };
  if (revoked) {
    await markAuthorizationRevoked({
      ...revoked,
      reason: "admin_revoked",
      statusReason: "An administrator found that this Amazon account belongs to another business, and disconnected it here.",
      actorType: "ADMIN",
      actorId: input.actor.userId,
      requestId: input.actor.requestId,
    });
  }
  if (input.keep === "claim") {
    await applyTransition({
      transition: "confirmIdentity",
      authorizationId: conflict.claim.authorizationId,
      tenantId: conflict.claim.tenantId,
      actor,
      at: now,
      set: { statusReason: null, accountFingerprint: (conflict.claim.fingerprint ?? undefined) as Prisma.InputJsonValue | undefined },
    });
  }
  await recordAuditEvent({
    action: "authorization.identity_conflict_resolved",
    actorType: "ADMIN",
    actorId: input.actor.userId,
    requestId: input.actor.requestId ?? null,
    tenantId: conflict.claim.tenantId,
    authorizationId: conflict.claim.authorizationId,
    details: {
      conflictId: conflict.id,
      kind: conflict.kind,
      sellingPartnerId: conflict.sellingPartnerId,
      kept,
      revoked: revoked?.authorizationId ?? null,
      claimedFingerprint: describeAccountFingerprint(conflict.claim.fingerprint),
      heldFingerprint: describeAccountFingerprint(conflict.heldFingerprint),
    },
  });
  return { changed: true };
}
