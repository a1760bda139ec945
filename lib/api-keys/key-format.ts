import { createHash, randomBytes } from "node:crypto";

/**
 * `lk_live_<8 id chars>_<43 secret chars>`: the first part (the prefix) is stored and shown so admins
 * can tell keys apart; the whole key is stored only as its SHA-256.
 */
export function generateApiKey(): { apiKey: string; prefix: string; keyHash: string } {
  const id = randomBytes(6).toString("base64url").slice(0, 8);
  const prefix = `lk_live_${id}`;
  const apiKey = `${prefix}_${randomBytes(32).toString("base64url")}`;
  return { apiKey, prefix, keyHash: hashApiKey(apiKey) };
}

export function hashApiKey(apiKey: string): string {
  return createHash("sha256").update(apiKey).digest("hex");
}

/** The key from an `Authorization: Bearer lk_...` header, or null. */
export function apiKeyFromHeader(value: string | null): string | null {
  const match = /^Bearer\s+(lk_[A-Za-z0-9_-]{20,200})\s*$/.exec(value ?? "");
  return match?.[1] ?? null;
}
