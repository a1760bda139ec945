import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { verifyWebhookSignature } from "@latchkey/client";
import { webhookPayload } from "@/lib/alerts/notify-alert";
import { signNotificationBody } from "@/lib/app-client/notifications/ingest-signed-notification";
import type { Alert } from "@/lib/generated/prisma/client";

const secret = "whsec-0123456789abcdef0123456789abcdef";
const now = 1_796_000_000;
const body = JSON.stringify({ type: "alert.fired", alert: { id: "alert-1", title: "401 spike ✓" } });
const sign = (payload: string, t: number, key = secret) => createHmac("sha256", key).update(`${t}.${payload}`).digest("hex");

describe("verifyWebhookSignature", () => {
  it("accepts the header Latchkey's own signing code puts on an alert webhook", () => {
    const at = new Date(now * 1000);
    const alert: Alert = { id: "alert-1", rule: "auth_401_spike", subject: "authorization:a1", openKey: null, state: "OPEN", title: "401 spike", message: "Amazon refused tokens.", tenantId: null, authorizationId: "a1", details: { count: 12 }, firedAt: at, lastSeenAt: at, resolvedAt: null };
    const payload = JSON.stringify(webhookPayload(alert, "fired", at));
    const header = signNotificationBody(secret, payload, now);
    expect(verifyWebhookSignature({ payload, header, secret, nowSeconds: now + 10 })).toEqual({ valid: true, timestamp: now });
    expect(verifyWebhookSignature({ payload: new TextEncoder().encode(payload), header, secret, nowSeconds: now })).toEqual({ valid: true, timestamp: now });
  });

  it("refuses a changed body, another secret, a missing or malformed header", () => {
    const header = `t=${now},v1=${sign(body, now)}`;
    expect(verifyWebhookSignature({ payload: `${body} `, header, secret, nowSeconds: now })).toEqual({ valid: false, reason: "signature_mismatch" });
    expect(verifyWebhookSignature({ payload: body, header, secret: `${secret}x`, nowSeconds: now })).toEqual({ valid: false, reason: "signature_mismatch" });
    expect(verifyWebhookSignature({ payload: body, header: null, secret, nowSeconds: now })).toEqual({ valid: false, reason: "missing_header" });
    expect(verifyWebhookSignature({ payload: body, header: "v1=abc", secret, nowSeconds: now })).toEqual({ valid: false, reason: "malformed_header" });
    expect(verifyWebhookSignature({ payload: body, header: `t=${now}`, secret, nowSeconds: now })).toEqual({ valid: false, reason: "malformed_header" });
  });

  it("refuses a timestamp outside the tolerance either way, and honours a custom tolerance", () => {
    const header = `t=${now},v1=${sign(body, now)}`;
    expect(verifyWebhookSignature({ payload: body, header, secret, nowSeconds: now + 300 }).valid).toBe(true);
    expect(verifyWebhookSignature({ payload: body, header, secret, nowSeconds: now + 301 })).toEqual({ valid: false, reason: "timestamp_out_of_tolerance" });
    expect(verifyWebhookSignature({ payload: body, header, secret, nowSeconds: now - 301 })).toEqual({ valid: false, reason: "timestamp_out_of_tolerance" });
    expect(verifyWebhookSignature({ payload: body, header, secret, nowSeconds: now + 3000, toleranceSeconds: 3600 }).valid).toBe(true);
    // A replayed old signature with a fresh t does not match: t is part of what is signed.
    expect(verifyWebhookSignature({ payload: body, header: `t=${now + 1000},v1=${sign(body, now)}`, secret, nowSeconds: now + 1000 })).toEqual({ valid: false, reason: "signature_mismatch" });
  });

  it("accepts any one of several v1 signatures (a secret being rotated), in either case", () => {
    const header = `t=${now}, v1=${sign(body, now, "old-secret")}, v1=${sign(body, now).toUpperCase()}`;
    expect(verifyWebhookSignature({ payload: body, header, secret, nowSeconds: now })).toEqual({ valid: true, timestamp: now });
    expect(verifyWebhookSignature({ payload: body, header, secret: "old-secret", nowSeconds: now }).valid).toBe(true);
    expect(verifyWebhookSignature({ payload: body, header, secret: "third-secret", nowSeconds: now }).valid).toBe(false);
  });
});
