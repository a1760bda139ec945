// Verifies the signature Latchkey puts on what it POSTs to you (alert webhooks, and the notification ingest's
// scheme): `x-latchkey-signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`.
// Several v1 values may be present (a secret being rotated); one matching is enough. Compared in constant time.
import { createHmac, timingSafeEqual } from "node:crypto";

export const WEBHOOK_SIGNATURE_HEADER = "x-latchkey-signature";
export const DEFAULT_WEBHOOK_TOLERANCE_SECONDS = 5 * 60;

export type WebhookSignatureFailure = "missing_header" | "malformed_header" | "timestamp_out_of_tolerance" | "signature_mismatch";

export type WebhookVerification = { valid: true; timestamp: number } | { valid: false; reason: WebhookSignatureFailure };

export interface VerifyWebhookSignatureInput {
  /** The raw request body exactly as received (verify before parsing it). */
  payload: string | Uint8Array;
  /** The `x-latchkey-signature` header's value. */
  header: string | null | undefined;
  /** The signing secret (for alerts, the `ALERT_WEBHOOK_SECRET` Latchkey was configured with). */
  secret: string;
  /** How far `t` may be from now, either way (default 300 s). */
  toleranceSeconds?: number;
  /** Unix seconds now (tests inject a clock). */
  nowSeconds?: number;
}

function parseHeader(header: string): { timestamp: number; signatures: Buffer[] } | undefined {
  let timestamp: number | undefined;
  const signatures: Buffer[] = [];
  for (const part of header.split(",")) {
    const [key, value] = part.trim().split("=", 2);
    if (key === "t" && value && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    if (key === "v1" && value && /^[0-9a-f]{64}$/i.test(value)) signatures.push(Buffer.from(value, "hex"));
  }
  return timestamp === undefined || signatures.length === 0 ? undefined : { timestamp, signatures };
}

/** `{ valid: true, timestamp }` when one v1 signature matches and `t` is within the tolerance; otherwise why not. */
export function verifyWebhookSignature(input: VerifyWebhookSignatureInput): WebhookVerification {
  if (!input.secret) throw new TypeError("verifyWebhookSignature: secret is required");
  if (!input.header) return { valid: false, reason: "missing_header" };
  const parsed = parseHeader(input.header);
  if (!parsed) return { valid: false, reason: "malformed_header" };
  const tolerance = input.toleranceSeconds ?? DEFAULT_WEBHOOK_TOLERANCE_SECONDS;
  const now = input.nowSeconds ?? Date.now() / 1000;
  if (Math.abs(now - parsed.timestamp) > tolerance) return { valid: false, reason: "timestamp_out_of_tolerance" };
  const expected = createHmac("sha256", input.secret).update(`${parsed.timestamp}.`, "utf8").update(input.payload).digest();
  // Every candidate is compared, so the time taken does not say which one matched.
  const matched = parsed.signatures.reduce((found, candidate) => timingSafeEqual(candidate, expected) || found, false);
  return matched ? { valid: true, timestamp: parsed.timestamp } : { valid: false, reason: "signature_mismatch" };
}
