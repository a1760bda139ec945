// The other default rules: each fires one alert per subject, stays quiet while it lasts, and resolves when
// its condition clears. A webhook that fails is recorded on the alert (to be retried), not thrown.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluateAlerts } from "@/lib/alerts/evaluate-alerts";
import { db } from "@/lib/db/client";
import { resetServerEnvForTests } from "@/lib/env";
import { recordOutcomes } from "@/lib/monitoring/record-outcomes";
import { useAppWithSandbox } from "../../support/app-harness";
import { connectSeller } from "../../support/connect-seller";
import { startWebhookReceiver, type WebhookReceiver } from "../../support/webhook-receiver";

const DAY = 86_400_000;
let webhook: WebhookReceiver;

describe("default alert rules", () => {
  const app = useAppWithSandbox({ rateLimits: false });
  beforeAll(async () => {
    webhook = await startWebhookReceiver();
    Object.assign(process.env, { ADMIN_EMAILS: "a@example.test,b@example.test", ALERT_WEBHOOK_URL: webhook.url, ALERT_WEBHOOK_SECRET: "alert-webhook-secret-for-tests-0123456789abcdef" });
    resetServerEnvForTests();
  });
  afterAll(async () => {
    await webhook.close();
    for (const name of ["ADMIN_EMAILS", "ALERT_WEBHOOK_URL", "ALERT_WEBHOOK_SECRET"]) delete process.env[name];
    resetServerEnvForTests();
  });

  it("fires and resolves refresh failures, renewals, secret and charge-method expiry, and scope drift", async () => {
    const seller = await connectSeller(app.sandbox, { label: "Rules" });
    const now = new Date();
    expect((await evaluateAlerts({ now })).fired).toEqual([]);

    await db.authorization.update({ where: { id: seller.authorizationId }, data: { consecutiveFailures: 2, lastRefreshError: "server_error", renewalDueAt: new Date(now.getTime() + 3 * DAY) } });
    await db.appClientSecret.updateMany({ where: { state: "CURRENT" }, data: { expiresAt: new Date(now.getTime() + 10 * DAY) } });
    await db.appClient.updateMany({ data: { chargeMethodExpiresAt: new Date(now.getTime() + 20 * DAY) } });
    await recordOutcomes({ outcomes: [{ authorizationId: seller.authorizationId, operation: "getOrders", status: 200, latencyMs: 10, at: now.toISOString() }] }, async () => true);

    const fired = await evaluateAlerts({ now });
    expect(fired.fired.map((f) => f.rule).sort()).toEqual(["charge_method_expiring", "client_secret_expiring", "refresh_failing", "renewal_due", "scope_drift"]);
    const drift = await db.alert.findFirstOrThrow({ where: { rule: "scope_drift" } });
    expect(drift.message).toContain("getOrders is not in the roles ledger");
    const refresh = await db.alert.findFirstOrThrow({ where: { rule: "refresh_failing" } });
    expect(refresh.message).toContain("The last 2 token refreshes with Login with Amazon failed (server_error)");
    // Two admins, five alerts: ten emails; five webhooks.
    expect(await db.emailOutbox.count({ where: { template: "alert-notification" } })).toBe(10);
    expect(webhook.received).toHaveLength(5);
    expect((await evaluateAlerts({ now: new Date(now.getTime() + 60_000) })).fired).toEqual([]);
    expect(webhook.received).toHaveLength(5);

    // Everything is fixed: every alert resolves, each resolution notified once.
    await db.authorization.update({ where: { id: seller.authorizationId }, data: { consecutiveFailures: 0, lastRefreshError: null, renewalDueAt: new Date(now.getTime() + 300 * DAY) } });
    await db.appClientSecret.updateMany({ where: { state: "CURRENT" }, data: { expiresAt: new Date(now.getTime() + 170 * DAY) } });
    await db.appClient.updateMany({ data: { chargeMethodExpiresAt: new Date(now.getTime() + 200 * DAY) } });
    const later = new Date(now.getTime() + 25 * 3_600_000); // the drifting call is now outside the 24-hour window
    const resolved = await evaluateAlerts({ now: later });
    expect(resolved.resolved).toHaveLength(5);
    expect(resolved.open).toBe(0);
    expect(webhook.received).toHaveLength(10);
    expect(await db.emailOutbox.count({ where: { template: "alert-notification" } })).toBe(20);
  });

  it("records a failing webhook on the alert without failing the evaluation, and still emails", async () => {
    const seller = await connectSeller(app.sandbox, { label: "Hookless" });
    webhook.respondWith(500);
    await db.authorization.update({ where: { id: seller.authorizationId }, data: { consecutiveFailures: 3 } });
    const result = await evaluateAlerts();
    expect(result.fired.map((f) => f.rule)).toEqual(["refresh_failing"]);
    const deliveries = await db.alertDelivery.findMany({ where: { alertId: result.fired[0]!.id }, orderBy: { channel: "asc" } });
    expect(deliveries.map((d) => [d.event, d.channel, d.status, d.httpStatus, d.error])).toEqual([
      ["fired", "email", "sent", null, null],
      ["fired", "webhook", "retrying", 500, "the webhook answered HTTP 500"],
    ]);
    webhook.respondWith(200);
  });
});
