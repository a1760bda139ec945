// Alert notifications that fail are sent again with backoff until they succeed, exactly once, or run out of
// attempts and are marked failed for good; a notification left "sending" by a crash is picked up again.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { evaluateAlerts, retryAlertDeliveries } from "@/lib/alerts/evaluate-alerts";
import { listAlerts } from "@/lib/alerts/list-alerts";
import { stuckAfterMs } from "@/lib/alerts/notify-alert";
import { db } from "@/lib/db/client";
import { resetServerEnvForTests } from "@/lib/env";
import { useAppWithSandbox } from "../../support/app-harness";
import { connectSeller } from "../../support/connect-seller";
import { startWebhookReceiver, type WebhookReceiver } from "../../support/webhook-receiver";

const MINUTE = 60_000;
const ENV = { ADMIN_EMAILS: "oncall@example.test", ALERT_WEBHOOK_SECRET: "alert-webhook-secret-for-tests-0123456789abcdef", ALERT_WEBHOOK_TIMEOUT_MS: "2000" };
let webhook: WebhookReceiver;

function setEnv(values: Record<string, string>) {
  Object.assign(process.env, values);
  resetServerEnvForTests();
}

const delivery = (alertId: string, channel: "email" | "webhook") => db.alertDelivery.findUniqueOrThrow({ where: { alertId_event_channel: { alertId, event: "fired", channel } } });
const alertEmails = () => db.emailOutbox.count({ where: { template: "alert-notification" } });

describe("alert notification retries", () => {
  const app = useAppWithSandbox({ rateLimits: false });

  async function fireRefreshAlert(now: Date): Promise<string> {
    const seller = await connectSeller(app.sandbox, { label: "Flaky hook" });
    await db.authorization.update({ where: { id: seller.authorizationId }, data: { consecutiveFailures: 3, lastRefreshError: "server_error" } });
    const result = await evaluateAlerts({ now });
    expect(result.fired.map((f) => f.rule)).toEqual(["refresh_failing"]);
    return result.fired[0]!.id;
  }

  beforeAll(async () => {
    webhook = await startWebhookReceiver();
  });
  beforeEach(() => {
    webhook.received.length = 0;
    webhook.respondWith(200);
    webhook.failTimes(0);
    setEnv({ ...ENV, ALERT_WEBHOOK_URL: webhook.url });
  });
  afterEach(() => {
    for (const name of [...Object.keys(ENV), "ALERT_WEBHOOK_URL", "ALERT_DELIVERY_MAX_ATTEMPTS"]) delete process.env[name];
    resetServerEnvForTests();
  });
  afterAll(async () => {
    await webhook.close();
  });

  it("a webhook that fails twice is retried with backoff and delivered exactly once, with its attempts recorded", async () => {
    webhook.failTimes(2, 503);
    const now = new Date();
    const alertId = await fireRefreshAlert(now);
    expect(webhook.received.map((r) => r.status)).toEqual([503]);
    expect(await delivery(alertId, "webhook")).toMatchObject({ status: "retrying", attempts: 1, httpStatus: 503, nextAttemptAt: new Date(now.getTime() + MINUTE) });
    expect(await delivery(alertId, "email")).toMatchObject({ status: "sent", attempts: 1 });

    // Not due yet: nothing is sent.
    expect(await retryAlertDeliveries({ now: new Date(now.getTime() + 30_000) })).toEqual({ retried: 0, sent: 0, rescheduled: 0, failed: 0 });
    expect(webhook.received).toHaveLength(1);

    // Second try after a minute fails again; the next one waits two minutes.
    const second = new Date(now.getTime() + MINUTE);
    expect(await retryAlertDeliveries({ now: second })).toEqual({ retried: 1, sent: 0, rescheduled: 1, failed: 0 });
    expect(await delivery(alertId, "webhook")).toMatchObject({ status: "retrying", attempts: 2, nextAttemptAt: new Date(second.getTime() + 2 * MINUTE) });

    // The next evaluation sends it a third time (two sweeps at once: one of them sends it); the receiver accepts it.
    const third = new Date(second.getTime() + 2 * MINUTE);
    const [evaluation, concurrent] = await Promise.all([evaluateAlerts({ now: third }), retryAlertDeliveries({ now: third })]);
    expect(evaluation.retried + concurrent.retried).toBe(1);
    expect(webhook.received.map((r) => r.status)).toEqual([503, 503, 200]);
    expect(await delivery(alertId, "webhook")).toMatchObject({ status: "sent", attempts: 3, httpStatus: 200, error: null, nextAttemptAt: null });
    // Every try carries the same delivery id, so a receiver can drop a repeat.
    const ids = new Set(webhook.received.map((r) => r.headers["x-latchkey-delivery"]));
    expect([...ids]).toEqual([(await delivery(alertId, "webhook")).id]);
    expect(JSON.parse(webhook.received[2]!.body)).toMatchObject({ type: "alert.fired", alert: { id: alertId } });

    // Succeeded: never sent again, however many sweeps and evaluations follow.
    for (const minutes of [10, 60, 600]) {
      expect((await retryAlertDeliveries({ now: new Date(third.getTime() + minutes * MINUTE) })).retried).toBe(0);
      await evaluateAlerts({ now: new Date(third.getTime() + minutes * MINUTE) });
    }
    expect(webhook.received.filter((r) => r.status === 200)).toHaveLength(1);
    expect(webhook.received).toHaveLength(3);
    expect(await alertEmails()).toBe(1);
  });

  it("a refused connection is retried, and a notification out of attempts is marked failed for good on the alerts list", async () => {
    const closed = await startWebhookReceiver();
    const refusedUrl = closed.url;
    await closed.close();
    setEnv({ ALERT_WEBHOOK_URL: refusedUrl, ALERT_DELIVERY_MAX_ATTEMPTS: "3" });
    const now = new Date();
    const alertId = await fireRefreshAlert(now);
    const first = await delivery(alertId, "webhook");
    expect(first).toMatchObject({ status: "retrying", attempts: 1, httpStatus: null });
    expect(first.error).toMatch(/fetch failed|ECONNREFUSED/);

    expect(await retryAlertDeliveries({ now: new Date(now.getTime() + MINUTE) })).toMatchObject({ retried: 1, rescheduled: 1 });
    expect(await retryAlertDeliveries({ now: new Date(now.getTime() + 3 * MINUTE) })).toMatchObject({ retried: 1, rescheduled: 0, failed: 1 });
    const last = await delivery(alertId, "webhook");
    expect(last).toMatchObject({ status: "failed", attempts: 3, nextAttemptAt: null });
    expect(last.error).toMatch(/^gave up after 3 attempts: /);

    // The receiver is back, but the notification stays failed: nothing is sent any more.
    setEnv({ ALERT_WEBHOOK_URL: webhook.url, ALERT_DELIVERY_MAX_ATTEMPTS: "3" });
    expect((await retryAlertDeliveries({ now: new Date(now.getTime() + 600 * MINUTE) })).retried).toBe(0);
    expect(webhook.received).toHaveLength(0);
    const { alerts } = await listAlerts({ state: "OPEN" });
    expect(alerts[0]!.deliveries.find((d) => d.channel === "webhook")).toMatchObject({ status: "failed", attempts: 3 });
  });

  it("a 4xx refusal other than 408 and 429 is not retried", async () => {
    webhook.respondWith(400);
    const now = new Date();
    const alertId = await fireRefreshAlert(now);
    expect(await delivery(alertId, "webhook")).toMatchObject({ status: "failed", attempts: 1, httpStatus: 400, nextAttemptAt: null, error: "the webhook answered HTTP 400" });
    expect((await retryAlertDeliveries({ now: new Date(now.getTime() + 60 * MINUTE) })).retried).toBe(0);
    expect(webhook.received).toHaveLength(1);
  });

  it("a notification left sending by a crash is sent again once older than the timeout plus a margin; an email already sent is not sent twice", async () => {
    const now = new Date();
    webhook.respondWith(503);
    const alertId = await fireRefreshAlert(now);
    webhook.respondWith(200);
    // The process died mid-send: both rows stay "sending" (the email had gone out; the webhook's fate is unknown).
    await db.alertDelivery.updateMany({ where: { alertId }, data: { status: "sending", startedAt: now, nextAttemptAt: null, httpStatus: null, error: null } });
    expect(await alertEmails()).toBe(1);

    // Still within the longest send: it may be in flight, so it is left alone.
    expect((await retryAlertDeliveries({ now: new Date(now.getTime() + 2000) })).retried).toBe(0);
    expect(stuckAfterMs()).toBe(15_000 + 120_000);
    const recovered = new Date(now.getTime() + stuckAfterMs() + 1000);
    expect(await retryAlertDeliveries({ now: recovered })).toEqual({ retried: 2, sent: 2, rescheduled: 0, failed: 0 });
    expect(await delivery(alertId, "webhook")).toMatchObject({ status: "sent", attempts: 2, httpStatus: 200 });
    expect(await delivery(alertId, "email")).toMatchObject({ status: "sent", attempts: 2 });
    expect(webhook.received.map((r) => r.status)).toEqual([503, 200]);
    expect(await alertEmails()).toBe(1);
    expect((await retryAlertDeliveries({ now: new Date(recovered.getTime() + 60 * MINUTE) })).retried).toBe(0);
  });
});
