import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import { markAuthorizationRevoked } from "./revoke-authorization";

/** The kill switch: revokes the authorization and deletes its refresh token and cached access tokens. */
export async function killAuthorization(authorizationId: string, actor: Actor): Promise<{ changed: boolean }> {
  const authorization = await db.authorization.findUnique({ where: { id: authorizationId }, select: { tenantId: true } });
  if (!authorization) throw new AppError("not_found");
  const changed = await markAuthorizationRevoked({
    authorizationId,
    tenantId: authorization.tenantId,
    reason: "admin_revoked",
    statusReason: "An administrator disconnected this account.",
    actorType: "ADMIN",
    actorId: actor.userId,
    requestId: actor.requestId,
  });
  return { changed };
}
