// The signature every Latchkey webhook carries, the scheme of the alert webhooks and the notification ingest:
//   x-latchkey-signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + rawBody)>
// Receivers verify it with @latchkey/client's verifyWebhookSignature (or the Python client's).
import { createHmac } from "node:crypto";

export function signWebhookBody(secret: string, rawBody: string, timestamp: number): string {
  return `t=${timestamp},v1=${createHmac("sha256", secret).update(`${timestamp}.${rawBody}`, "utf8").digest("hex")}`;
}
