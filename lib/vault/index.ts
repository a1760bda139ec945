import "server-only";
// The vault: envelope encryption for every secret Latchkey stores (STYLE rule 8). Secrets are sealed
// with AES-256-GCM under a per-tenant data key (or the system key for app-level secrets); data keys are
// wrapped by a rotatable master key. `context` is the associated data that binds a ciphertext to its
// place, e.g. "authorization:<id>:refresh_token": the same context must be given to decrypt.
// Every plaintext that passes through here is registered with redaction, so it can never be logged.
import { createHash } from "node:crypto";
import { registerSecret } from "@/lib/log/redact";
import { type DataKeyClient, type DataKeyScope, withDataKey } from "./data-keys";
import { open, seal } from "./envelope";

export { clearDataKeyCache, ensureDataKeyRow, warmTenantDataKeys, type DataKeyClient } from "./data-keys";
export { isEnvelope } from "./envelope";
export { getKeyRing, setKeyRing, parseKeyRing, type KeyRing } from "./key-ring";
export { rewrapDataKeys, vaultStatus, type RewrapOptions, type RewrapProgress, type RewrapResult, type VaultStatus } from "./rewrap";
export { VaultError, type VaultErrorCode } from "./vault-error";

export interface VaultOptions {
  /**
   * The Prisma transaction to read (and create) the data key in. Needed only when the tenant itself
   * was created in that still-open transaction; otherwise leave it out.
   */
  client?: DataKeyClient;
}

function encrypt(scope: DataKeyScope, plaintext: string, context: string, options: VaultOptions): Promise<string> {
  if (typeof plaintext !== "string") throw new TypeError("vault: plaintext must be a string");
  registerSecret(plaintext);
  return withDataKey(scope, { create: true, client: options.client }, (key) => seal(key, plaintext, context));
}

async function decrypt(scope: DataKeyScope, ciphertext: string, context: string, options: VaultOptions): Promise<string> {
  const plaintext = await withDataKey(scope, { create: false, client: options.client }, (key) => {
    const bytes = open(key, ciphertext, context);
    try {
      return bytes.toString("utf8");
    } finally {
      bytes.fill(0);
    }
  });
  registerSecret(plaintext);
  return plaintext;
}

/** Encrypts a tenant's secret under the tenant's data key (created on first use). */
export function encryptForTenant(tenantId: string, plaintext: string, context: string, options: VaultOptions = {}): Promise<string> {
  return encrypt({ kind: "tenant", tenantId }, plaintext, context, options);
}

/** Decrypts what `encryptForTenant` sealed for the same tenant and context; otherwise VaultError. */
export function decryptForTenant(tenantId: string, ciphertext: string, context: string, options: VaultOptions = {}): Promise<string> {
  return decrypt({ kind: "tenant", tenantId }, ciphertext, context, options);
}

/** Encrypts an app-level secret (the LWA client secret) under the system data key. */
export function encryptSystem(plaintext: string, context: string, options: VaultOptions = {}): Promise<string> {
  return encrypt({ kind: "system" }, plaintext, context, options);
}

/** Decrypts what `encryptSystem` sealed for the same context; otherwise VaultError. */
export function decryptSystem(ciphertext: string, context: string, options: VaultOptions = {}): Promise<string> {
  return decrypt({ kind: "system" }, ciphertext, context, options);
}

/**
 * A short display fingerprint of a secret: the first 12 hex characters of its SHA-256. Not reversible
 * for the high-entropy values we fingerprint (tokens, client secrets), independent of the vault's keys
 * so it survives master-key rotation, and checkable by an operator without Latchkey:
 * `printf %s "$TOKEN" | sha256sum | cut -c1-12`.
 */
export function fingerprint(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex").slice(0, 12);
}
