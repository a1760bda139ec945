import "server-only";
import { markAuthorizationRevoked } from "./revoke-authorization";

/** The partner disconnects: Latchkey forgets the refresh token and every cached access token. Another tenant's is a 404. */
export async function disconnectAuthorization(input: { tenantId: string; authorizationId: string; userId: string; requestId?: string }): Promise<void> {
  await markAuthorizationRevoked({
    authorizationId: input.authorizationId,
    tenantId: input.tenantId,
    reason: "partner_disconnected",
    statusReason: "You disconnected this account from Latchkey.",
    actorType: "PARTNER",
    actorId: input.userId,
    requestId: input.requestId,
  });
}
