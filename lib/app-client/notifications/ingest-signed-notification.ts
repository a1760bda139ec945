import "server-only";
// The HTTPS door, for relays (an SNS subscription, an EventBridge API destination, your own forwarder):
// `POST /api/notifications/amazon` with the raw notification JSON and
//   x-latchkey-signature: t=<unix seconds>,v1=<hex HMAC-SHA256(NOTIFICATION_INGEST_SECRET, t + "." + rawBody)>
// Refused (401) when the signature is missing or wrong or t is more than 5 minutes away from now; a
// replayed signature is answered 200 with no effect. Accepted: 202; a notification already handled: 200.
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { db } from "@/lib/db/client";
import { readServerEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { handleAmazonNotification, NotificationRetryLater, type NotificationResult } from "./handle-amazon-notification";

export const SIGNATURE_HEADER = "x-latchkey-signature";
export const SIGNATURE_TOLERANCE_SECONDS = 5 * 60;
const MAX_BODY_BYTES = 256 * 1024;
/** Receipts are kept a little longer than the tolerance, so a replay inside it is always recognised. */
const RECEIPT_RETENTION_MS = 2 * SIGNATURE_TOLERANCE_SECONDS * 1000;

/** The header value a relay sends for `rawBody` at `timestamp` (unix seconds). */
export function signNotificationBody(secret: string, rawBody: string, timestamp: number): string {
  return `t=${timestamp},v1=${createHmac("sha256", secret).update(`${timestamp}.${rawBody}`, "utf8").digest("hex")}`;
}

function parseSignature(header: string | null): { timestamp: number; signatures: string[] } | undefined {
  if (!header) return undefined;
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const part of header.split(",")) {
    const [key, value] = part.trim().split("=", 2);
    if (key === "t" && value && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    if (key === "v1" && value && /^[0-9a-f]{64}$/i.test(value)) signatures.push(value.toLowerCase());
  }
  return timestamp === undefined || signatures.length === 0 ? undefined : { timestamp, signatures };
}

function constantTimeEqualHex(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && timingSafeEqual(left, right);
}

export interface IngestResult {
  status: 200 | 202;
  body: { status: "accepted" | "duplicate"; outcome?: NotificationResult["outcome"]; notificationId?: string };
}

/** Verifies, deduplicates and handles one signed notification. Throws AppError for every refusal. */
export async function ingestSignedNotification(rawBody: string, signatureHeader: string | null, nowMs = Date.now()): Promise<IngestResult> {
  const secret = readServerEnv().NOTIFICATION_INGEST_SECRET;
  // Without a shared secret the door does not exist.
  if (!secret) throw new AppError("not_found");
  const signature = parseSignature(signatureHeader);
  if (!signature) throw new AppError("unauthenticated", "Missing or malformed x-latchkey-signature header.");
  if (Math.abs(nowMs / 1000 - signature.timestamp) > SIGNATURE_TOLERANCE_SECONDS) {
    throw new AppError("unauthenticated", "The signature's timestamp is more than 5 minutes from now.");
  }
  const expected = createHmac("sha256", secret).update(`${signature.timestamp}.${rawBody}`, "utf8").digest("hex");
  const matched = signature.signatures.find((candidate) => constantTimeEqualHex(candidate, expected));
  if (!matched) throw new AppError("unauthenticated", "The signature does not match.");
  if (Buffer.byteLength(rawBody) > MAX_BODY_BYTES) throw new AppError("bad_request", "The notification is too large.");

  const signatureHash = createHash("sha256").update(`${signature.timestamp}.${matched}`).digest("hex");
  await db.notificationIngestReceipt.deleteMany({ where: { receivedAt: { lt: new Date(nowMs - RECEIPT_RETENTION_MS) } } });
  const fresh = await db.$executeRaw`
    INSERT INTO "NotificationIngestReceipt" ("signatureHash", "signedAt") VALUES (${signatureHash}, ${new Date(signature.timestamp * 1000)})
    ON CONFLICT ("signatureHash") DO NOTHING`;
  if (fresh !== 1) return { status: 200, body: { status: "duplicate" } };

  let result: NotificationResult;
  try {
    result = await handleAmazonNotification(rawBody, "https");
  } catch (error) {
    // Not handled: the relay's retry (same signature) must not be taken for a replay.
    await db.notificationIngestReceipt.delete({ where: { signatureHash } }).catch(() => undefined);
    if (error instanceof NotificationRetryLater) throw new AppError("amazon_unavailable", "The notification could not be finished yet; retry later.", { cause: error });
    throw error;
  }
  const body = { status: result.outcome === "duplicate" ? ("duplicate" as const) : ("accepted" as const), outcome: result.outcome, notificationId: result.notificationId };
  return { status: result.outcome === "duplicate" ? 200 : 202, body };
}
