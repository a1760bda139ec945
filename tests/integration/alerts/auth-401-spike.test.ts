// Done means (issue 7): a 401 spike driven through the sandbox's fault injection fires exactly one alert,
// notifies it once (one email, one signed webhook), and resolves it once the 401s stop and the window passes.
import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "@/sandbox/server";
import { evaluateAlerts } from "@/lib/alerts/evaluate-alerts";
import { createApiKey } from "@/lib/api-keys/manage-api-keys";
import { bootstrapAppClient } from "@/lib/app-client/bootstrap-app-client";
import { db } from "@/lib/db/client";
import { resetServerEnvForTests } from "@/lib/env";
import { createLatchkeyClient, SpApiCallError, type LatchkeyClient } from "@latchkey/client";
import { connectSeller } from "../../support/connect-seller";
import { setupTestDatabase, teardownTestDatabase } from "../../support/database";
import { SANDBOX_APP, sandboxControl, startSandboxForApp } from "../../support/sandbox-session";
import { startWebhookReceiver, type WebhookReceiver } from "../../support/webhook-receiver";
import { startRouteServer, type RouteServer } from "../worker-client/route-server";

const WEBHOOK_SECRET = "alert-webhook-secret-for-tests-0123456789abcdef";
const ADMIN = "oncall@example.test";
const participations = { method: "GET", path: "/sellers/v1/marketplaceParticipations", operation: "getMarketplaceParticipations" } as const;

let sandbox: Sandbox;
let latchkey: RouteServer;
let webhook: WebhookReceiver;
let client: LatchkeyClient;
let seller: Awaited<ReturnType<typeof connectSeller>>;

const alertEmails = () => db.emailOutbox.findMany({ where: { template: "alert-notification" }, orderBy: { createdAt: "asc" } });

function verifySignature(header: string, body: string): boolean {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  if (!match) return false;
  const expected = createHmac("sha256", WEBHOOK_SECRET).update(`${match[1]}.${body}`).digest("hex");
  return expected === match[2] && Math.abs(Date.now() / 1000 - Number(match[1])) < 300;
}

describe("a 401 spike through the sandbox", () => {
  beforeAll(async () => {
    webhook = await startWebhookReceiver();
    sandbox = await startSandboxForApp();
    Object.assign(process.env, { ADMIN_EMAILS: ADMIN, ALERT_WEBHOOK_URL: webhook.url, ALERT_WEBHOOK_SECRET: WEBHOOK_SECRET, ALERT_401_THRESHOLD: "10", ALERT_401_WINDOW_MINUTES: "5" });
    resetServerEnvForTests();
    await setupTestDatabase();
    await sandboxControl(sandbox, "POST", "/config", { rateLimits: false });
    await bootstrapAppClient(SANDBOX_APP);
    const admin = await db.user.create({ data: { email: ADMIN, role: "ADMIN" } });
    seller = await connectSeller(sandbox, { label: "Spiky" });
    const { apiKey } = await createApiKey({ name: "order-sync" }, admin.id);
    latchkey = await startRouteServer();
    client = createLatchkeyClient({
      baseUrl: latchkey.url,
      apiKey,
      spapiEndpoints: { NA: `${sandbox.url}/spapi/na`, EU: `${sandbox.url}/spapi/eu`, FE: `${sandbox.url}/spapi/fe` },
      retry: { baseDelayMs: 5 },
    });
  });
  afterAll(async () => {
    await client?.close();
    await latchkey?.close();
    await teardownTestDatabase();
    await sandbox?.close();
    await webhook?.close();
    for (const name of ["ADMIN_EMAILS", "ALERT_WEBHOOK_URL", "ALERT_WEBHOOK_SECRET", "ALERT_401_THRESHOLD", "ALERT_401_WINDOW_MINUTES"]) delete process.env[name];
    resetServerEnvForTests();
  });

  it("fires one alert, notifies it once by email and signed webhook, and resolves it after the window", async () => {
    // Healthy traffic first: no alert.
    await client.spapiFetch(seller.authorizationId, participations);
    await client.flush();
    expect((await evaluateAlerts()).fired).toEqual([]);

    const { id: faultId } = await sandboxControl<{ id: string }>(sandbox, "POST", "/faults", { route: "spapi:getMarketplaceParticipations", kind: "invalid_grant", status: 401 });
    for (let i = 0; i < 6; i++) {
      const error = await client.spapiFetch(seller.authorizationId, participations).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SpApiCallError);
      expect(error).toMatchObject({ kind: "unauthorized", status: 401 });
    }
    await client.flush();
    // Each call was tried twice (one replay with a fresh token): 12 401s reported to /api/v1/outcomes.
    const buckets = await db.spApiCallBucket.findMany({ where: { authorizationId: seller.authorizationId, statusClass: "401" } });
    expect(buckets.reduce((sum, b) => sum + b.count, 0)).toBe(12);

    const spikeAt = new Date();
    const first = await evaluateAlerts({ now: spikeAt });
    expect(first.fired).toEqual([{ id: expect.any(String), rule: "auth_401_spike", subject: `tenant:${seller.tenantId}` }]);
    expect(await db.alert.count()).toBe(1);
    const alert = await db.alert.findUniqueOrThrow({ where: { id: first.fired[0]!.id } });
    expect(alert).toMatchObject({ state: "OPEN", tenantId: seller.tenantId });
    expect(alert.title).toMatch(/^401 spike for Spiky Co/);
    expect(alert.message).toContain("12 SP-API calls");

    const fired = await alertEmails();
    expect(fired.map((e) => [e.to, e.subject])).toEqual([[ADMIN, `[Latchkey alert] ${alert.title}`]]);
    expect(fired[0]!.text).toContain("Amazon refused 12 SP-API calls with 401");
    expect(webhook.received).toHaveLength(1);
    const hook = webhook.received[0]!;
    expect(verifySignature(String(hook.headers["x-latchkey-signature"]), hook.body)).toBe(true);
    expect(JSON.parse(hook.body)).toMatchObject({ type: "alert.fired", alert: { id: alert.id, rule: "auth_401_spike", state: "OPEN", tenantId: seller.tenantId, details: { count401: 12 } } });

    // Still spiking a minute later: the same alert stays open, nobody is notified again.
    const second = await evaluateAlerts({ now: new Date(spikeAt.getTime() + 60_000) });
    expect([second.fired, second.resolved, second.open]).toEqual([[], [], 1]);
    expect(await alertEmails()).toHaveLength(1);
    expect(webhook.received).toHaveLength(1);

    // The fault is removed, calls succeed again, and the 5-minute window moves past the 401s.
    await sandboxControl(sandbox, "DELETE", `/faults/${faultId}`);
    await client.spapiFetch(seller.authorizationId, participations);
    await client.flush();
    const later = new Date(spikeAt.getTime() + 7 * 60_000);
    const third = await evaluateAlerts({ now: later });
    expect(third.resolved).toEqual([{ id: alert.id, rule: "auth_401_spike", subject: `tenant:${seller.tenantId}` }]);
    expect(third.fired).toEqual([]);
    expect(await db.alert.findUniqueOrThrow({ where: { id: alert.id } })).toMatchObject({ state: "RESOLVED", openKey: null, resolvedAt: later });

    const emails = await alertEmails();
    expect(emails.map((e) => e.subject)).toEqual([`[Latchkey alert] ${alert.title}`, `[Latchkey resolved] ${alert.title}`]);
    expect(webhook.received).toHaveLength(2);
    expect(verifySignature(String(webhook.received[1]!.headers["x-latchkey-signature"]), webhook.received[1]!.body)).toBe(true);
    expect(JSON.parse(webhook.received[1]!.body)).toMatchObject({ type: "alert.resolved", alert: { id: alert.id, state: "RESOLVED" } });

    // Quiet afterwards: nothing fires, nothing is sent.
    const fourth = await evaluateAlerts({ now: new Date(later.getTime() + 60_000) });
    expect([fourth.fired, fourth.resolved, fourth.open]).toEqual([[], [], 0]);
    expect(await db.alert.count()).toBe(1);
    expect(await alertEmails()).toHaveLength(2);
    expect(webhook.received).toHaveLength(2);
  });
});
