import { afterEach, describe, expect, it } from "vitest";
import { GET as metricsRoute } from "@/app/api/metrics/route";
import { db } from "@/lib/db/client";
import { resetServerEnvForTests } from "@/lib/env";
import { getOutcomeSeries, getTopFailingAuthorizations } from "@/lib/monitoring/get-outcome-series";
import { recordOutcomes } from "@/lib/monitoring/record-outcomes";
import { sweepMonitoringData } from "@/lib/monitoring/sweep-old-buckets";
import { refreshAuthorizationAccessToken } from "@/lib/tokens/refresh-access-token";
import { useAppWithSandbox } from "../../support/app-harness";
import { connectSeller } from "../../support/connect-seller";
import { sandboxControl } from "../../support/sandbox-session";

const TOKEN = "metrics-token-0123456789abcdef";

afterEach(() => {
  delete process.env.METRICS_TOKEN;
  resetServerEnvForTests();
});

const scrape = (token: string | null = TOKEN) => metricsRoute(new Request("http://localhost/api/metrics", { headers: token ? { authorization: `Bearer ${token}` } : {} }));

describe("SP-API outcome metrics", () => {
  const app = useAppWithSandbox({ rateLimits: false });

  it("counts workers' outcomes and Latchkey's own refreshes and calls, including failed refreshes", async () => {
    const seller = await connectSeller(app.sandbox, { label: "Charted" });
    // Connecting made one connectivity test with the token from the code exchange: recorded by Latchkey itself.
    let series = await getOutcomeSeries({ authorizationId: seller.authorizationId, range: "1h" });
    expect(series.totals).toMatchObject({ calls: 1, refreshes: 0, refreshFailures: 0 });
    await refreshAuthorizationAccessToken(await db.authorization.findUniqueOrThrow({ where: { id: seller.authorizationId } }));

    const at = new Date().toISOString();
    await recordOutcomes(
      {
        outcomes: [
          ...Array.from({ length: 3 }, () => ({ authorizationId: seller.authorizationId, operation: "getOrders", status: 401, latencyMs: 30, at })),
          { authorizationId: seller.authorizationId, operation: "getOrders", status: 429, latencyMs: 5, at },
          { authorizationId: seller.authorizationId, operation: "getOrders", status: 503, latencyMs: 5, at },
          { authorizationId: seller.authorizationId, operation: "getOrders", status: 200, latencyMs: 100, at },
        ],
      },
      async () => true,
    );
    // LWA fails: each of the three attempts of the refresh is a failed refresh on the chart.
    await sandboxControl(app.sandbox, "POST", "/faults", { route: "lwa:refresh_token", kind: "5xx" });
    const authorization = await db.authorization.findUniqueOrThrow({ where: { id: seller.authorizationId } });
    await expect(refreshAuthorizationAccessToken(authorization)).rejects.toMatchObject({ code: "amazon_unavailable" });

    series = await getOutcomeSeries({ authorizationId: seller.authorizationId, range: "1h" });
    expect(series.totals).toEqual({ calls: 7, s401: 3, s403: 0, s429: 1, s5xx: 1, network: 0, refreshes: 4, refreshFailures: 3 });
    expect(series.points).toHaveLength(60);
    expect(series.points.reduce((sum, p) => sum + p.s401, 0)).toBe(3);
    expect((await getOutcomeSeries({ range: "24h" })).totals.s401).toBe(3);
    const [top] = await getTopFailingAuthorizations({ range: "1h" });
    expect(top).toMatchObject({ authorizationId: seller.authorizationId, tenantName: expect.stringMatching(/^Charted Co/), failures: 5, s401: 3 });
  });

  it("serves Prometheus metrics behind METRICS_TOKEN, read from the database", async () => {
    expect((await scrape()).status).toBe(404);
    process.env.METRICS_TOKEN = TOKEN;
    resetServerEnvForTests();
    expect((await scrape(null)).status).toBe(401);
    expect((await scrape("not-the-metrics-token")).status).toBe(401);

    const seller = await connectSeller(app.sandbox);
    await refreshAuthorizationAccessToken(await db.authorization.findUniqueOrThrow({ where: { id: seller.authorizationId } }));
    await recordOutcomes({ outcomes: [0, 1].map(() => ({ authorizationId: seller.authorizationId, operation: "getOrders", status: 401, latencyMs: 10 })) }, async () => true);
    const response = await scrape();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/plain");
    const text = await response.text();
    expect(text).toMatch(/^latchkey_authorizations\{status="ACTIVE",app="latchkey"\} 1$/m);
    expect(text).toMatch(/^latchkey_spapi_calls_recent\{status_class="401",app="latchkey"\} 2$/m);
    expect(text).toMatch(/^latchkey_spapi_calls_recent\{status_class="2xx",app="latchkey"\} 1$/m);
    expect(text).toMatch(/^latchkey_lwa_refreshes_recent\{outcome="ok",app="latchkey"\} 1$/m);
    expect(text).toMatch(/^latchkey_client_secret_days_to_expiry\{app="latchkey"\} 1[78]\d$/m);
  });

  it("keeps storage bounded: the sweep deletes buckets past the retention period", async () => {
    const now = new Date();
    const old = new Date(now.getTime() - 15 * 86_400_000);
    await recordOutcomes(
      { outcomes: [{ authorizationId: "a1", operation: "getOrders", status: 200, latencyMs: 1, at: old.toISOString() }, { authorizationId: "a1", operation: "getOrders", status: 200, latencyMs: 1, at: now.toISOString() }] },
      async () => true,
    );
    expect(await sweepMonitoringData({ now })).toEqual({ buckets: 1, alerts: 0 });
    expect(await db.spApiCallBucket.count()).toBe(1);
  });
});
