import { createHash, randomBytes, randomInt, randomUUID, timingSafeEqual } from "node:crypto";

const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** Random url-safe characters (base64url alphabet), the shape of LWA token bodies. */
function urlSafe(length: number): string {
  return randomBytes(Math.ceil((length * 3) / 4) + 3)
    .toString("base64url")
    .slice(0, length);
}

function alphanumeric(length: number): string {
  let out = "";
  for (let i = 0; i < length; i += 1) out += ALPHANUMERIC[randomInt(ALPHANUMERIC.length)];
  return out;
}

/** `Atza|` + ~350 url-safe characters, like a real LWA access token (well under the 2048-byte limit). */
export const newAccessToken = (): string => `Atza|${urlSafe(350)}`;
/** `Atzr|` + ~350 url-safe characters, like a real LWA refresh token. */
export const newRefreshToken = (): string => `Atzr|${urlSafe(350)}`;
/** `Atz.sprdt|` + url-safe characters, like a real Restricted Data Token. */
export const newRestrictedDataToken = (): string => `Atz.sprdt|${urlSafe(300)}`;
/** Real `spapi_oauth_code` values are short alphanumeric strings (about 20 characters). */
export const newAuthorizationCode = (): string => alphanumeric(20);
export const newAmazonState = (): string => urlSafe(32);
export const newClientSecret = (): string => `amzn1.oa2-cs.v1.${randomBytes(32).toString("hex")}`;
export const newUuid = (): string => randomUUID();

/** Tokens are kept by hash: the state file never holds a usable token or code. */
export function hashSecret(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** A stable short hash for deterministic fake data (purchase order numbers, order details). */
export function stableNumber(seed: string): number {
  return createHash("sha256").update(seed).digest().readUInt32BE(0);
}
