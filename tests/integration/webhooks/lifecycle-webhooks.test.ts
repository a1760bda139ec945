// Lifecycle webhooks end to end: a transition of the state machine reaches a local receiver as signed JSON
// (verified as a receiver would, with @latchkey/client), filters and tenants are respected, each
// authorization's events carry increasing sequence numbers, failures are retried with backoff by the retry
// cron (5xx, 429, timeouts) until success or the attempt limit, other 4xx are not retried, and "send again"
// repeats the same event. Runs on PGlite, and on PostgreSQL with DATABASE_URL.
import { verifyWebhookSignature, WEBHOOK_SIGNATURE_HEADER } from "@latchkey/client";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { killAuthorization } from "@/lib/authorizations/kill-authorization";
import { liftQuarantine } from "@/lib/authorizations/lift-quarantine";
import { quarantineAuthorization } from "@/lib/authorizations/quarantine-authorization";
import { db } from "@/lib/db/client";
import { resetServerEnvForTests } from "@/lib/env";
import { deliverDueWebhooks } from "@/lib/webhooks/deliver-webhooks";
import { listEndpointDeliveries, redeliverWebhook, sendTestWebhook } from "@/lib/webhooks/endpoint-deliveries";
import { createWebhookEndpoint, updateWebhookEndpoint, type WebhookCaller } from "@/lib/webhooks/manage-endpoints";
import { runCronInProcess } from "@/lib/workflows/in-process-runner";
import { useAppWithSandbox } from "../../support/app-harness";
import { connectSeller } from "../../support/connect-seller";
import { startWebhookReceiver, type ReceivedWebhook, type WebhookReceiver } from "../../support/webhook-receiver";

const MINUTE = 60_000;
const ADMIN: WebhookCaller = { tenantIds: [], actorType: "ADMIN", actorId: null };
let receiver: WebhookReceiver;

function setEnv(values: Record<string, string>) {
  Object.assign(process.env, values);
  resetServerEnvForTests();
}

interface Body {
  id: string;
  type: string;
  createdAt: string;
  sequence: number;
  data: Record<string, unknown>;
}

const bodies = (received: ReceivedWebhook[] = receiver.received) => received.map((r) => JSON.parse(r.body) as Body);

/** Waits until every delivery has had its first attempt and none is mid-send (deliveries run after commit, unawaited). */
async function settled(): Promise<void> {
  await vi.waitFor(async () => expect(await db.webhookDelivery.count({ where: { OR: [{ status: "sending" }, { status: "pending", attempts: 0 }] } })).toBe(0), { timeout: 15_000, interval: 50 });
}

/** Settles, then sends whatever a loaded machine made wait (a slow first answer) as retries: for tests not about retries. */
async function flushed(): Promise<void> {
  await settled();
  for (let round = 0; round < 5 && (await db.webhookDelivery.count({ where: { status: "pending" } })) > 0; round++) {
    await deliverDueWebhooks({ now: new Date(Date.now() + 24 * 60 * MINUTE) });
  }
}

async function register(overrides: Partial<Parameters<typeof createWebhookEndpoint>[0]> = {}) {
  return createWebhookEndpoint({ url: receiver.url, ...overrides }, ADMIN);
}

describe("lifecycle webhooks", () => {
  const app = useAppWithSandbox({ rateLimits: false });

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
  });
  beforeEach(() => {
    receiver.received.length = 0;
    receiver.respondWith(200);
    receiver.failTimes(0);
    receiver.stallTimes(0, 0);
    setEnv({ WEBHOOK_TIMEOUT_MS: "5000", WEBHOOK_RETRY_BASE_SECONDS: "60" });
  });
  afterEach(async () => {
    await settled();
    for (const name of ["WEBHOOK_TIMEOUT_MS", "WEBHOOK_RETRY_BASE_SECONDS", "WEBHOOK_MAX_ATTEMPTS"]) delete process.env[name];
    resetServerEnvForTests();
  });
  afterAll(async () => {
    await receiver.close();
  });

  it("a connection and an admin's revocation reach the endpoint signed, with the authorization's public facts and no token", async () => {
    const { secret } = await register();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const stored = await db.webhookEndpoint.findFirstOrThrow();
    expect(stored.secretCiphertext).not.toContain(secret.slice(6));

    const seller = await connectSeller(app.sandbox);
    await killAuthorization(seller.authorizationId, { userId: "admin-1" });
    await flushed();

    expect(receiver.received.filter((r) => r.status === 200)).toHaveLength(2);
    for (const request of receiver.received) {
      // What a receiver does: verify the raw body against the header with the secret it was shown once.
      expect(verifyWebhookSignature({ payload: request.body, header: request.headers[WEBHOOK_SIGNATURE_HEADER] as string, secret })).toMatchObject({ valid: true });
      expect(verifyWebhookSignature({ payload: request.body, header: request.headers[WEBHOOK_SIGNATURE_HEADER] as string, secret: "whsec_not-the-secret" })).toMatchObject({ valid: false, reason: "signature_mismatch" });
      expect(request.body).not.toMatch(/Atz[ar]\|/);
    }
    const [connected, revoked] = bodies();
    expect(connected).toMatchObject({
      type: "authorization.connected",
      sequence: 1,
      data: { authorizationId: seller.authorizationId, tenantId: seller.tenantId, tenantExternalId: null, region: "NA", sellingPartnerId: seller.sellingPartnerId, status: "ACTIVE", reason: null },
    });
    expect(revoked).toMatchObject({ type: "authorization.revoked", sequence: 2, data: { authorizationId: seller.authorizationId, status: "REVOKED", reason: "admin" } });
    expect(revoked!.id).toMatch(/^evt_[0-9a-f]{32}$/);
    expect(receiver.received[1]!.headers["x-latchkey-event"]).toBe("authorization.revoked");
    const { deliveries } = await listEndpointDeliveries(stored.id, ADMIN);
    expect(deliveries.map((d) => [d.eventType, d.status, d.attempts, d.responseStatus])).toEqual([
      ["authorization.revoked", "succeeded", 1, 200],
      ["authorization.connected", "succeeded", 1, 200],
    ]);
    expect(deliveries[0]!.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it("delivers only the event types an endpoint chose, only its tenant's events, and nothing to a disabled endpoint", async () => {
    const revokedOnly = await createWebhookEndpoint({ url: `${receiver.url}?only=revoked`, eventTypes: ["authorization.revoked"] }, ADMIN);
    const seller = await connectSeller(app.sandbox, { label: "Filtered" });
    const other = await connectSeller(app.sandbox, { label: "Other" });
    const mine = await createWebhookEndpoint({ url: `${receiver.url}?tenant=mine`, tenantId: seller.tenantId }, ADMIN);
    const disabled = await createWebhookEndpoint({ url: `${receiver.url}?disabled=1`, enabled: false }, ADMIN);
    await flushed();
    receiver.received.length = 0;

    await quarantineAuthorization(other.authorizationId, { userId: "admin-1" });
    await quarantineAuthorization(seller.authorizationId, { userId: "admin-1" });
    await killAuthorization(seller.authorizationId, { userId: "admin-1" });
    await flushed();

    const byEndpoint = async (id: string) => (await listEndpointDeliveries(id, ADMIN)).deliveries.map((d) => d.eventType).sort();
    expect(await byEndpoint(revokedOnly.endpoint.id)).toEqual(["authorization.revoked"]);
    expect(await byEndpoint(mine.endpoint.id)).toEqual(["authorization.quarantined", "authorization.revoked"]);
    expect(await byEndpoint(disabled.endpoint.id)).toEqual([]);
    expect(bodies().every((body) => body.data.authorizationId === seller.authorizationId)).toBe(true);
    // Two events (the revocation went to both endpoints that wanted it, as one event id), three deliveries.
    expect(new Set(bodies().map((body) => body.id)).size).toBe(2);
    expect(receiver.received.filter((r) => r.status === 200)).toHaveLength(3);
  });

  it("numbers each authorization's events in order, so a receiver can order them and drop repeats", async () => {
    await register();
    const a = await connectSeller(app.sandbox, { label: "Ordered A" });
    const b = await connectSeller(app.sandbox, { label: "Ordered B" });
    await quarantineAuthorization(a.authorizationId, { userId: "admin-1" });
    await liftQuarantine(a.authorizationId, { userId: "admin-1" });
    await quarantineAuthorization(b.authorizationId, { userId: "admin-1" });
    await killAuthorization(a.authorizationId, { userId: "admin-1" });
    await flushed();
    // One body per event (a receiver drops a repeat by its id), ordered by sequence.
    const of = (id: string) => [...new Map(bodies().filter((body) => body.data.authorizationId === id).map((body) => [body.id, body])).values()].sort((x, y) => x.sequence - y.sequence);
    expect(of(a.authorizationId).map((body) => [body.sequence, body.type, body.data.reason])).toEqual([
      [1, "authorization.connected", null],
      [2, "authorization.quarantined", null],
      [3, "authorization.resumed", "quarantine_lifted"],
      [4, "authorization.revoked", "admin"],
    ]);
    expect(of(b.authorizationId).map((body) => [body.sequence, body.type])).toEqual([
      [1, "authorization.connected"],
      [2, "authorization.quarantined"],
    ]);
    // A refused transition (already revoked) emits nothing.
    await killAuthorization(a.authorizationId, { userId: "admin-1" });
    await flushed();
    expect(of(a.authorizationId)).toHaveLength(4);
  });

  it("retries a 500, a 429 and a timeout with backoff from the retry cron, then delivers once", async () => {
    setEnv({ WEBHOOK_TIMEOUT_MS: "2500" });
    const { endpoint, secret } = await register();
    receiver.failTimes(2, 500);
    const seller = await connectSeller(app.sandbox, { label: "Flaky" });
    await settled();
    const row = () => db.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id } });
    const first = await row();
    expect(first).toMatchObject({ status: "pending", attempts: 1, responseStatus: 500, error: "the endpoint answered HTTP 500" });
    const t0 = first.nextAttemptAt!.getTime() - MINUTE;

    // Not due yet.
    expect(await deliverDueWebhooks({ now: new Date(t0 + 30_000) })).toEqual({ attempted: 0, succeeded: 0, rescheduled: 0, failed: 0 });
    // The cron (the workflow function itself) sends it again after a minute: 500 again, the next waits two.
    await runCronInProcess("retry-webhook-deliveries", new Date(t0 + MINUTE));
    expect(await row()).toMatchObject({ status: "pending", attempts: 2, responseStatus: 500, nextAttemptAt: new Date(t0 + 3 * MINUTE) });

    receiver.failTimes(1, 429);
    expect(await deliverDueWebhooks({ now: new Date(t0 + 3 * MINUTE) })).toMatchObject({ attempted: 1, rescheduled: 1 });
    expect(await row()).toMatchObject({ status: "pending", attempts: 3, responseStatus: 429, nextAttemptAt: new Date(t0 + 7 * MINUTE) });

    receiver.stallTimes(1, 6000);
    expect(await deliverDueWebhooks({ now: new Date(t0 + 7 * MINUTE) })).toMatchObject({ attempted: 1, rescheduled: 1 });
    expect(await row()).toMatchObject({ status: "pending", attempts: 4, responseStatus: null, error: "no answer within 2500 ms", nextAttemptAt: new Date(t0 + 15 * MINUTE) });

    expect(await deliverDueWebhooks({ now: new Date(t0 + 15 * MINUTE) })).toMatchObject({ attempted: 1, succeeded: 1 });
    expect(await row()).toMatchObject({ status: "succeeded", attempts: 5, responseStatus: 200, error: null, nextAttemptAt: null });
    // Every attempt carried the same body, event id and delivery id; the last one verifies.
    expect(new Set(receiver.received.map((r) => r.body)).size).toBe(1);
    expect(new Set(receiver.received.map((r) => r.headers["x-latchkey-delivery"])).size).toBe(1);
    expect(bodies()[0]).toMatchObject({ type: "authorization.connected", data: { authorizationId: seller.authorizationId } });
    expect(verifyWebhookSignature({ payload: receiver.received.at(-1)!.body, header: receiver.received.at(-1)!.headers[WEBHOOK_SIGNATURE_HEADER] as string, secret }).valid).toBe(true);
    // Delivered: never sent again (five requests: 500, 500, 429, the one answered too late, 200).
    expect((await deliverDueWebhooks({ now: new Date(t0 + 600 * MINUTE) })).attempted).toBe(0);
    expect(receiver.received).toHaveLength(5);
  });

  it("gives up after WEBHOOK_MAX_ATTEMPTS, does not retry other 4xx, and an admin can send either again", async () => {
    setEnv({ WEBHOOK_MAX_ATTEMPTS: "2" });
    const { endpoint } = await register();
    receiver.respondWith(503);
    await connectSeller(app.sandbox, { label: "Down" });
    await settled();
    const connected = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id } });
    expect(await deliverDueWebhooks({ now: connected.nextAttemptAt! })).toMatchObject({ attempted: 1, failed: 1 });
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: connected.id } })).toMatchObject({ status: "failed", attempts: 2, nextAttemptAt: null, error: "gave up after 2 attempts: the endpoint answered HTTP 503" });
    expect((await deliverDueWebhooks({ now: new Date(Date.now() + 600 * MINUTE) })).attempted).toBe(0);

    receiver.respondWith(410);
    const test = await sendTestWebhook(endpoint.id, ADMIN);
    expect(test).toMatchObject({ eventType: "webhook.test", status: "failed", attempts: 1, responseStatus: 410, error: "the endpoint answered HTTP 410" });
    expect((await deliverDueWebhooks({ now: new Date(Date.now() + 600 * MINUTE) })).attempted).toBe(0);

    receiver.respondWith(200);
    receiver.received.length = 0;
    const again = await redeliverWebhook(endpoint.id, connected.id, ADMIN);
    expect(again).toMatchObject({ status: "succeeded", attempts: 1, responseStatus: 200, redeliveryOf: connected.id, eventId: connected.eventId });
    expect(bodies()[0]!.id).toBe(connected.eventId);
    // The original stays in the log as it was.
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: connected.id } })).toMatchObject({ status: "failed" });
    await expect(redeliverWebhook(endpoint.id, "no-such-delivery", ADMIN)).rejects.toMatchObject({ code: "not_found" });
  });

  it("keeps deliveries whose receiver was unreachable and sends them once it is back; a disabled endpoint gets nothing more", async () => {
    const down = await startWebhookReceiver();
    const url = down.url;
    await down.close();
    const { endpoint } = await createWebhookEndpoint({ url }, ADMIN);
    await connectSeller(app.sandbox, { label: "Unreachable" });
    await settled();
    const row = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id } });
    expect(row).toMatchObject({ status: "pending", attempts: 1, responseStatus: null });
    expect(row.error).toMatch(/fetch failed|ECONNREFUSED/);

    await updateWebhookEndpoint(endpoint.id, { url: receiver.url }, ADMIN);
    expect(await deliverDueWebhooks({ now: row.nextAttemptAt! })).toMatchObject({ attempted: 1, succeeded: 1 });
    expect(receiver.received).toHaveLength(1);

    await updateWebhookEndpoint(endpoint.id, { enabled: false }, ADMIN);
    await connectSeller(app.sandbox, { label: "After disable" });
    await settled();
    expect(receiver.received).toHaveLength(1);
    expect(await db.webhookDelivery.count({ where: { endpointId: endpoint.id } })).toBe(1);
  });
});
