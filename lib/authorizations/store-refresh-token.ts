import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { encryptForTenant, fingerprint } from "@/lib/vault";
import { refreshTokenContext } from "./refresh-token-context";
import { writeRefreshToken } from "./token-bookkeeping";

export interface StoredRefreshToken {
  refreshTokenCiphertext: string;
  refreshTokenFingerprint: string;
}

/**
 * Encrypts a refresh token under its tenant's data key, bound to the authorization row, and returns the
 * columns to write. The plaintext never reaches the database; only the short fingerprint is displayable.
 */
export async function sealRefreshToken(tenantId: string, authorizationId: string, refreshToken: string): Promise<StoredRefreshToken> {
  return {
    refreshTokenCiphertext: await encryptForTenant(tenantId, refreshToken, refreshTokenContext(authorizationId)),
    refreshTokenFingerprint: fingerprint(refreshToken),
  };
}

/** Replaces an authorization's refresh token (the old ciphertext is overwritten, never kept). */
export async function storeRefreshToken(
  client: Pick<Prisma.TransactionClient, "authorization">,
  authorization: { id: string; tenantId: string },
  refreshToken: string,
): Promise<string> {
  const sealed = await sealRefreshToken(authorization.tenantId, authorization.id, refreshToken);
  await writeRefreshToken(client, authorization, sealed);
  return sealed.refreshTokenFingerprint;
}
