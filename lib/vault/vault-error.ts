import { AppError } from "@/lib/errors/app-error";
import type { ErrorCode } from "@/lib/errors/codes";

export type VaultErrorCode = Extract<ErrorCode, "vault_decrypt_failed" | "vault_key_unavailable">;

/**
 * A vault failure. `vault_decrypt_failed` never says why (wrong key, tampered, wrong context and
 * malformed all look the same); `vault_key_unavailable` names the missing master key id for operators
 * (ids are not secret; API responses show only the generic message of a 5xx code).
 */
export class VaultError extends AppError {
  declare readonly code: VaultErrorCode;

  constructor(code: VaultErrorCode = "vault_decrypt_failed", message?: string) {
    super(code, message);
    this.name = "VaultError";
  }
}
