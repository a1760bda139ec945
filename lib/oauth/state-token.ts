import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** 256 random bits, URL-safe: unpredictable `state` values and browser-binding cookies. */
export function randomToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Only hashes are stored: a database leak does not hand out live states or bindings. */
export function hashToken(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && timingSafeEqual(left, right);
}
