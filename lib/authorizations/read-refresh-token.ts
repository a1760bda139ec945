import "server-only";
import { AppError } from "@/lib/errors";
import { decryptForTenant } from "@/lib/vault";
import { refreshTokenContext } from "./refresh-token-context";

/** Decrypts an authorization's refresh token at the moment of use. */
export async function readRefreshToken(authorization: { id: string; tenantId: string; refreshTokenCiphertext: string | null }): Promise<string> {
  if (!authorization.refreshTokenCiphertext) {
    throw new AppError("not_found", "This authorization has no refresh token.");
  }
  return decryptForTenant(authorization.tenantId, authorization.refreshTokenCiphertext, refreshTokenContext(authorization.id));
}
