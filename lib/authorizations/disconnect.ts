import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { markAuthorizationRevoked } from "./mark-revoked";

/** The partner disconnects: Latchkey forgets the refresh token and every cached access token. */
export async function disconnectAuthorization(input: { tenantId: string; authorizationId: string; userId: string; requestId?: string }): Promise<void> {
  const authorization = await db.authorization.findFirst({ where: { id: input.authorizationId, tenantId: input.tenantId }, select: { id: true, status: true } });
  if (!authorization) throw new AppError("not_found");
  if (authorization.status === "REVOKED") return;
  await markAuthorizationRevoked({
    authorizationId: authorization.id,
    tenantId: input.tenantId,
    reason: "partner_disconnected",
    statusReason: "You disconnected this account from Latchkey.",
    actorType: "PARTNER",
    actorId: input.userId,
    requestId: input.requestId,
  });
}
