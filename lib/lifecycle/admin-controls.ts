import "server-only";
// The admin's lifecycle controls on one authorization: quarantine (pause token issuance), lift it, the kill
// switch (revoke: the refresh token is deleted), and asking the partner to authorize again. Each change is
// audited and announced as a workflow event after its transaction committed. Every instance of the token
// service sees the new status within STATUS_MAX_AGE_MS (one second); this one forgets it at once.
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { markAuthorizationRevoked } from "@/lib/authorizations/mark-revoked";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { forgetAuthorizationForTokens } from "@/lib/tokens/authorization-for-tokens";
import { forgetMemoryToken } from "@/lib/tokens/cached-token";
import { sendWorkflowEvent } from "@/lib/workflows/send-event";

export interface AdminActor {
  userId: string;
  requestId?: string;
}

async function findAuthorization(authorizationId: string) {
  const authorization = await db.authorization.findUnique({ where: { id: authorizationId }, select: { id: true, tenantId: true, status: true, refreshTokenCiphertext: true } });
  if (!authorization) throw new AppError("not_found");
  return authorization;
}

function forget(authorizationId: string): void {
  forgetMemoryToken(`authorization:${authorizationId}`);
  forgetAuthorizationForTokens(authorizationId);
}

/** Pauses token issuance (the token API answers tenant_quarantined, 423) until lifted or reauthorized. */
export async function quarantineAuthorization(authorizationId: string, actor: AdminActor): Promise<{ changed: boolean }> {
  const authorization = await findAuthorization(authorizationId);
  if (authorization.status === "QUARANTINED") return { changed: false };
  if (authorization.status !== "ACTIVE" && authorization.status !== "REAUTH_REQUIRED") {
    throw new AppError("conflict", "Only a connected authorization can be paused.");
  }
  const quarantinedAt = new Date();
  const changed = await db.$transaction(async (tx) => {
    const updated = await tx.authorization.updateMany({
      where: { id: authorization.id, status: { in: ["ACTIVE", "REAUTH_REQUIRED"] } },
      data: { status: "QUARANTINED", quarantinedAt, statusReason: "An administrator paused access to this account." },
    });
    if (updated.count === 0) return false;
    await recordAuditEvent({ action: "authorization.quarantined", actorType: "ADMIN", actorId: actor.userId, tenantId: authorization.tenantId, authorizationId: authorization.id, requestId: actor.requestId, details: { previousStatus: authorization.status } }, tx);
    return true;
  });
  forget(authorization.id);
  if (changed) await sendWorkflowEvent({ name: "latchkey/authorization.quarantined", data: { authorizationId: authorization.id, tenantId: authorization.tenantId, quarantinedAt: quarantinedAt.toISOString() } });
  return { changed };
}

/** Lifts a quarantine: token issuance resumes. */
export async function liftQuarantine(authorizationId: string, actor: AdminActor): Promise<{ changed: boolean }> {
  const authorization = await findAuthorization(authorizationId);
  if (authorization.status !== "QUARANTINED") return { changed: false };
  if (!authorization.refreshTokenCiphertext) throw new AppError("conflict", "This authorization has no token; the partner must connect again.");
  const changed = await db.$transaction(async (tx) => {
    const updated = await tx.authorization.updateMany({ where: { id: authorization.id, status: "QUARANTINED" }, data: { status: "ACTIVE", quarantinedAt: null, statusReason: null } });
    if (updated.count === 0) return false;
    await recordAuditEvent({ action: "authorization.quarantine_lifted", actorType: "ADMIN", actorId: actor.userId, tenantId: authorization.tenantId, authorizationId: authorization.id, requestId: actor.requestId }, tx);
    return true;
  });
  forget(authorization.id);
  return { changed };
}

/** The kill switch: revokes the authorization and deletes its refresh token and cached access tokens. */
export async function killAuthorization(authorizationId: string, actor: AdminActor): Promise<{ changed: boolean }> {
  const authorization = await findAuthorization(authorizationId);
  if (authorization.status === "REVOKED") return { changed: false };
  const changed = await markAuthorizationRevoked({
    authorizationId: authorization.id,
    tenantId: authorization.tenantId,
    reason: "admin_revoked",
    statusReason: "An administrator disconnected this account.",
    actorType: "ADMIN",
    actorId: actor.userId,
    requestId: actor.requestId,
  });
  return { changed };
}

/** Emails the partner a signed link to authorize again; the status does not change. */
export async function requestReauthorization(authorizationId: string, actor: AdminActor): Promise<{ changed: boolean }> {
  const authorization = await findAuthorization(authorizationId);
  if (authorization.status === "REVOKED" || authorization.status === "PENDING") {
    throw new AppError("conflict", "This account is not connected; the partner must connect it first.");
  }
  const requestedAt = new Date().toISOString();
  await recordAuditEvent({ action: "authorization.reauthorization_requested", actorType: "ADMIN", actorId: actor.userId, tenantId: authorization.tenantId, authorizationId: authorization.id, requestId: actor.requestId });
  await sendWorkflowEvent({ name: "latchkey/authorization.reauthorization-requested", data: { authorizationId: authorization.id, tenantId: authorization.tenantId, requestedBy: actor.userId, requestedAt } });
  return { changed: true };
}
