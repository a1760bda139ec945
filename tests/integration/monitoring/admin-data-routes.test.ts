// The JSON routes the monitoring and alerts pages poll: admins get fresh data (a call recorded after the
// page loaded shows at the next poll; a retried notification's progress too); partners and API keys get 404,
// a missing session 401, a bad query 422 invalid_input.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { caller } from "../../support/fake-session";
import type { CurrentUser } from "@/lib/auth/current-user";

vi.mock("@/lib/auth/session", () => import("../../support/fake-session"));

const { GET: monitoringRoute } = await import("@/app/admin/monitoring/data/route");
const { GET: alertsRoute } = await import("@/app/admin/alerts/data/route");
const { describeDeliveries } = await import("@/lib/alerts/alert-view");
const { evaluateAlerts, retryAlertDeliveries } = await import("@/lib/alerts/evaluate-alerts");
const { db } = await import("@/lib/db/client");
const { resetServerEnvForTests } = await import("@/lib/env");
const { recordOutcomes } = await import("@/lib/monitoring/record-outcomes");
const { useAppWithSandbox } = await import("../../support/app-harness");
const { connectSeller } = await import("../../support/connect-seller");
const { startWebhookReceiver } = await import("../../support/webhook-receiver");

const admin: CurrentUser = { id: "admin-1", email: "ops@latchkey.test", role: "ADMIN", tenantId: null };
const partner: CurrentUser = { id: "partner-1", email: "seller@shop.test", role: "PARTNER", tenantId: "tenant-a" };

function get(route: typeof monitoringRoute, url: string, headers: Record<string, string> = {}): Promise<Response> {
  return route(new Request(`http://localhost${url}`, { headers }), { params: Promise.resolve({}) });
}

describe("admin monitoring data routes", () => {
  const app = useAppWithSandbox({ rateLimits: false });
  beforeEach(() => {
    caller.user = null;
  });
  afterEach(() => {
    for (const name of ["ADMIN_EMAILS", "ALERT_WEBHOOK_URL", "ALERT_WEBHOOK_SECRET"]) delete process.env[name];
    resetServerEnvForTests();
  });

  it("gives partners and API keys 404, no session 401, and a bad query 422", async () => {
    for (const [route, url] of [
      [monitoringRoute, "/admin/monitoring/data?range=1h"],
      [alertsRoute, "/admin/alerts/data?state=OPEN"],
    ] as const) {
      expect((await get(route, url)).status).toBe(401);
      caller.user = partner;
      const refused = await get(route, url);
      expect(refused.status).toBe(404);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("not_found");
      caller.user = admin;
      expect((await get(route, url, { authorization: "Bearer lk_live_whatever" })).status).toBe(404);
      expect((await get(route, url)).status).toBe(200);
      caller.user = null;
    }
    caller.user = admin;
    for (const [route, url] of [
      [monitoringRoute, "/admin/monitoring/data?range=2y"],
      [alertsRoute, "/admin/alerts/data?state=closed"],
      [alertsRoute, "/admin/alerts/data?rule=no_such_rule"],
    ] as const) {
      const response = await get(route, url);
      expect(response.status).toBe(422);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("invalid_input");
    }
  });

  it("returns each poll's fresh outcome counts", async () => {
    caller.user = admin;
    const seller = await connectSeller(app.sandbox, { label: "Polled" });
    const read = async () => (await (await get(monitoringRoute, "/admin/monitoring/data?range=1h")).json()) as { range: string; series: { totals: { calls: number; s401: number } }; failing: { tenantId: string; s401: number }[]; generatedAt: string };
    const before = await read();
    expect(before.range).toBe("1h");
    const outcome = (status: number) => ({ authorizationId: seller.authorizationId, operation: "getOrders", status, latencyMs: 10, at: new Date().toISOString() });
    await recordOutcomes({ outcomes: [outcome(200), outcome(401), outcome(401)] }, async () => true);
    const after = await read();
    expect(after.series.totals.calls - before.series.totals.calls).toBe(3);
    expect(after.series.totals.s401 - before.series.totals.s401).toBe(2);
    expect(after.failing).toEqual([expect.objectContaining({ tenantId: seller.tenantId, s401: 2 })]);
    expect(Date.parse(after.generatedAt)).toBeGreaterThanOrEqual(Date.parse(before.generatedAt));
  });

  it("shows a notification being retried, then sent, in plain words", async () => {
    caller.user = admin;
    const webhook = await startWebhookReceiver();
    try {
      Object.assign(process.env, { ADMIN_EMAILS: "oncall@example.test", ALERT_WEBHOOK_URL: webhook.url, ALERT_WEBHOOK_SECRET: "alert-webhook-secret-for-tests-0123456789abcdef" });
      resetServerEnvForTests();
      const seller = await connectSeller(app.sandbox, { label: "Retried" });
      await db.authorization.update({ where: { id: seller.authorizationId }, data: { consecutiveFailures: 3 } });
      webhook.failTimes(1, 503);
      const now = new Date();
      await evaluateAlerts({ now });
      type List = { openCount: number; alerts: Parameters<typeof describeDeliveries>[0][] };
      const read = async () => (await (await get(alertsRoute, "/admin/alerts/data?state=OPEN")).json()) as List;
      const first = await read();
      expect(first.openCount).toBe(1);
      expect(describeDeliveries(first.alerts[0]!)).toMatch(/^Fired by email: sent; Fired by webhook: attempt 1 failed \(the webhook answered HTTP 503\), trying again at /);
      await retryAlertDeliveries({ now: new Date(now.getTime() + 60_000) });
      expect(describeDeliveries((await read()).alerts[0]!)).toBe("Fired by email: sent; Fired by webhook: sent after 2 attempts");
    } finally {
      await webhook.close();
    }
  });
});
