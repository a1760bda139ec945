import { hashSecret } from "../ids";
import type { ClientSecret } from "../state/types";

/** Shows enough of a secret to tell secrets apart, never the whole value. */
export function maskSecret(value: string): string {
  return value.length <= 8 ? "****" : `${value.slice(0, 16)}…${value.slice(-4)}`;
}

/** A client secret as the sandbox keeps it: its hash to verify callers, and a masked preview to show. */
export function storedSecret(value: string, createdAt: number, expiresAt: number): ClientSecret {
  return { hash: hashSecret(value), preview: maskSecret(value), createdAt, expiresAt };
}
