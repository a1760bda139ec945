// The webhook events the state machine does not see, emitted by the code that decides them: refreshes failing
// (once per streak, at ALERT_REFRESH_FAILURES), the renewal scan's reminders and its overdue flag, and the
// app client's expiring secret (only to endpoints for every tenant).
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { checkAppClientExpiries } from "@/lib/lifecycle/check-app-client-expiries";
import { forgetAllMemoryTokens } from "@/lib/token-cache/token-cache";
import { getAccessToken } from "@/lib/tokens/get-access-token";
import { createWebhookEndpoint } from "@/lib/webhooks/manage-endpoints";
import { runCronInProcess } from "@/lib/workflows/in-process-runner";
import { useAppWithSandbox } from "../../support/app-harness";
import { connectSeller } from "../../support/connect-seller";
import { sandboxControl } from "../../support/sandbox-session";
import { startWebhookReceiver, type WebhookReceiver } from "../../support/webhook-receiver";

const DAY = 86_400_000;
const ADMIN = { tenantIds: [], actorType: "ADMIN" as const, actorId: null };
let receiver: WebhookReceiver;

const events = () => receiver.received.map((r) => JSON.parse(r.body) as { type: string; sequence: number; data: Record<string, unknown> });
const ofType = (type: string) => events().filter((event) => event.type === type);

async function settled(): Promise<void> {
  await vi.waitFor(async () => expect(await db.webhookDelivery.count({ where: { OR: [{ status: "sending" }, { status: "pending", attempts: 0 }] } })).toBe(0), { timeout: 15_000, interval: 50 });
}

describe("webhook events decided outside the state machine", () => {
  const app = useAppWithSandbox({ rateLimits: false });
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
  });
  afterEach(async () => {
    await settled();
    receiver.received.length = 0;
  });
  afterAll(async () => {
    await receiver.close();
  });

  it("sends authorization.refresh_failing once when refreshes have failed ALERT_REFRESH_FAILURES times in a row", async () => {
    const seller = await connectSeller(app.sandbox, { label: "Failing" });
    await createWebhookEndpoint({ url: receiver.url, eventTypes: ["authorization.refresh_failing"] }, ADMIN);
    await sandboxControl(app.sandbox, "POST", "/faults", { route: "lwa:refresh_token", kind: "5xx", status: 503 });
    for (let failure = 1; failure <= 3; failure++) {
      await db.accessTokenCache.deleteMany({ where: { authorizationId: seller.authorizationId } });
      forgetAllMemoryTokens();
      await db.authorization.update({ where: { id: seller.authorizationId }, data: { refreshCooldownUntil: null } });
      await expect(getAccessToken(seller.authorizationId)).rejects.toMatchObject({ code: "amazon_unavailable" });
      await settled();
      expect(ofType("authorization.refresh_failing"), `after failure ${failure}`).toHaveLength(failure >= 2 ? 1 : 0);
      await new Promise((resolve) => setTimeout(resolve, 1100));
    }
    await sandboxControl(app.sandbox, "DELETE", "/faults");
    expect(ofType("authorization.refresh_failing")[0]).toMatchObject({ data: { authorizationId: seller.authorizationId, status: "ACTIVE", reason: "server_error", consecutiveFailures: 2 } });
  });

  it("sends authorization.renewal_due from the renewal scan's reminders, then reauthorization_required when the date passes", async () => {
    const seller = await connectSeller(app.sandbox, { label: "Renewing" });
    await createWebhookEndpoint({ url: receiver.url }, ADMIN);
    const now = new Date();
    const due = new Date(now.getTime() + 30 * DAY - 3_600_000);
    await db.authorization.update({ where: { id: seller.authorizationId }, data: { renewalDueAt: due, lastUsedAt: now } });
    await runCronInProcess("lifecycle-scan", now);
    await runCronInProcess("lifecycle-scan", now);
    await settled();
    expect(ofType("authorization.renewal_due")).toEqual([
      expect.objectContaining({ sequence: 1, data: expect.objectContaining({ authorizationId: seller.authorizationId, daysLeft: 29, threshold: 30, renewalDueAt: due.toISOString() }) }),
    ]);

    const after = new Date(due.getTime() + 3_600_000);
    await db.authorization.update({ where: { id: seller.authorizationId }, data: { lastUsedAt: after } });
    await runCronInProcess("lifecycle-scan", after);
    await settled();
    expect(ofType("authorization.reauthorization_required")).toEqual([
      expect.objectContaining({ sequence: 2, data: expect.objectContaining({ authorizationId: seller.authorizationId, status: "REAUTH_REQUIRED", reason: "renewal_overdue" }) }),
    ]);
  });

  it("sends app_client.secret_expiring to endpoints for every tenant, once per threshold", async () => {
    const seller = await connectSeller(app.sandbox, { label: "Tenant-bound" });
    const global = await createWebhookEndpoint({ url: `${receiver.url}?all` }, ADMIN);
    const bound = await createWebhookEndpoint({ url: `${receiver.url}?tenant`, tenantId: seller.tenantId }, ADMIN);
    const now = new Date();
    const expiresAt = new Date(now.getTime() + 6 * DAY + 3_600_000);
    await db.appClientSecret.updateMany({ where: { state: "CURRENT" }, data: { expiresAt } });
    await checkAppClientExpiries(now);
    await checkAppClientExpiries(now);
    await settled();
    expect(ofType("app_client.secret_expiring")).toEqual([expect.objectContaining({ sequence: 1, data: expect.objectContaining({ daysLeft: 6, expiresAt: expiresAt.toISOString(), expired: false }) })]);
    expect(await db.webhookDelivery.count({ where: { endpointId: global.endpoint.id } })).toBe(1);
    expect(await db.webhookDelivery.count({ where: { endpointId: bound.endpoint.id } })).toBe(0);
  });
});
