import "server-only";
// The vault's ciphertext format: AES-256-GCM, a fresh 12-byte IV per seal, a 16-byte tag, and a
// self-describing string that names the key that sealed it:
//
//   lk1.<keyRef>.<base64url(iv)>.<base64url(ciphertext || tag)>
//
// keyRef is a master key id (for wrapped data keys) or a DataKey id (for data). The associated data
// authenticated with every seal is "lk1.<keyRef>.<context>", where the context names the ciphertext's
// place (e.g. "authorization:<id>:refresh_token"): a ciphertext copied to another row, or relabelled
// with another key, fails to open.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { VaultError } from "./vault-error";

export const ENVELOPE_VERSION = "lk1";
const ALGORITHM = "aes-256-gcm";
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_REF = /^[A-Za-z0-9_-]{1,64}$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const ENVELOPE = /^lk1\.[A-Za-z0-9_-]{1,64}\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22,}$/;

export interface SealingKey {
  /** Written into the envelope as keyRef. */
  id: string;
  /** 32 bytes. */
  key: Uint8Array;
}

export interface ParsedEnvelope {
  version: typeof ENVELOPE_VERSION;
  keyRef: string;
  iv: Buffer;
  /** Ciphertext followed by the 16-byte tag. */
  body: Buffer;
}

function associatedData(keyRef: string, context: string): Buffer {
  return Buffer.from(`${ENVELOPE_VERSION}.${keyRef}.${context}`, "utf8");
}

function assertKey(key: SealingKey): void {
  // Programming errors, not decryption failures: say exactly what is wrong (nothing here is secret).
  if (!KEY_REF.test(key.id)) throw new TypeError("vault: key id must be 1-64 characters from A-Z a-z 0-9 _ -");
  if (key.key.length !== KEY_BYTES) throw new TypeError(`vault: key must be ${KEY_BYTES} bytes`);
}

function assertContext(context: string): void {
  if (typeof context !== "string" || context.length === 0) throw new TypeError("vault: a non-empty context (associated data) is required");
}

/** Whether a string has the shape of a vault envelope (it may still fail to open). */
export function isEnvelope(value: unknown): value is string {
  return typeof value === "string" && ENVELOPE.test(value);
}

function decodeBase64Url(part: string): Buffer | undefined {
  if (!BASE64URL.test(part)) return undefined;
  const bytes = Buffer.from(part, "base64url");
  // Reject non-canonical encodings (stray trailing bits), so one ciphertext has exactly one spelling.
  return bytes.toString("base64url") === part ? bytes : undefined;
}

/** Splits an envelope into its parts; a malformed one is a plain decryption failure. */
export function parseEnvelope(envelope: string): ParsedEnvelope {
  const parts = typeof envelope === "string" ? envelope.split(".") : [];
  const [version, keyRef, ivPart, bodyPart] = parts;
  if (parts.length !== 4 || version !== ENVELOPE_VERSION || !keyRef || !KEY_REF.test(keyRef) || !ivPart || !bodyPart) {
    throw new VaultError("vault_decrypt_failed");
  }
  const iv = decodeBase64Url(ivPart);
  const body = decodeBase64Url(bodyPart);
  if (!iv || iv.length !== IV_BYTES || !body || body.length < TAG_BYTES) throw new VaultError("vault_decrypt_failed");
  return { version, keyRef, iv, body };
}

/** The id of the key that sealed an envelope. */
export function envelopeKeyRef(envelope: string): string {
  return parseEnvelope(envelope).keyRef;
}

/** Encrypts and authenticates `plaintext` under `key`, bound to `context`. */
export function seal(key: SealingKey, plaintext: string | Uint8Array, context: string): string {
  assertKey(key);
  assertContext(context);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key.key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(associatedData(key.id, context));
  const input = typeof plaintext === "string" ? Buffer.from(plaintext, "utf8") : plaintext;
  const body = Buffer.concat([cipher.update(input), cipher.final(), cipher.getAuthTag()]);
  if (typeof plaintext === "string") input.fill(0);
  return `${ENVELOPE_VERSION}.${key.id}.${iv.toString("base64url")}.${body.toString("base64url")}`;
}

/**
 * Decrypts an envelope sealed by `key` for `context`. Wrong key, wrong context, tampering or a malformed
 * envelope all throw the same VaultError("vault_decrypt_failed"). The caller owns (and may zero) the
 * returned buffer.
 */
export function open(key: SealingKey, envelope: string, context: string): Buffer {
  assertKey(key);
  assertContext(context);
  const { keyRef, iv, body } = parseEnvelope(envelope);
  if (keyRef !== key.id) throw new VaultError("vault_decrypt_failed");
  const decipher = createDecipheriv(ALGORITHM, key.key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(associatedData(keyRef, context));
  decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
  const plaintext = decipher.update(body.subarray(0, body.length - TAG_BYTES));
  try {
    decipher.final(); // GCM has no final block: this only checks the tag
  } catch {
    plaintext.fill(0);
    throw new VaultError("vault_decrypt_failed");
  }
  return plaintext;
}
