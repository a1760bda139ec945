import { afterEach, describe, expect, it } from "vitest";
import { GET as healthRoute } from "@/app/api/health/authz/route";
import { db } from "@/lib/db/client";
import { resetServerEnvForTests } from "@/lib/env";
import type { AuthzHealthReport } from "@/lib/health/get-authz-health";
import { useAppWithSandbox } from "../../support/app-harness";
import { connectSeller } from "../../support/connect-seller";

const TOKEN = "health-probe-token-0123456789";

function probe(query = "", token: string | null = TOKEN) {
  return healthRoute(new Request(`http://localhost/api/health/authz${query}`, { headers: token ? { authorization: `Bearer ${token}` } : {} }));
}

function withToken() {
  process.env.HEALTH_PROBE_TOKEN = TOKEN;
  resetServerEnvForTests();
}

afterEach(() => {
  delete process.env.HEALTH_PROBE_TOKEN;
  resetServerEnvForTests();
});

describe("GET /api/health/authz", () => {
  const app = useAppWithSandbox({ rateLimits: false });

  it("does not exist without HEALTH_PROBE_TOKEN, and wants the token when set", async () => {
    expect((await probe()).status).toBe(404);
    withToken();
    const missing = await probe("", null);
    expect(missing.status).toBe(401);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe("unauthenticated");
    expect((await probe("", "wrong-token-0123456789")).status).toBe(401);
    expect((await probe("?include=everything")).status).toBe(422);
  });

  it("reports every check per authorization and overall, and turns 503 when one fails", async () => {
    withToken();
    const seller = await connectSeller(app.sandbox, { label: "Healthy" });
    await db.appClient.updateMany({ data: { billingStatus: "good_standing" } });

    const healthy = await probe();
    expect(healthy.status).toBe(200);
    const report = (await healthy.json()) as AuthzHealthReport;
    expect(report).toMatchObject({ overall: "ok", counts: { ok: 1, warn: 0, fail: 0 }, authorizations: [], appClient: { clientSecret: { status: "ok" }, chargeMethod: { status: "ok" } } });

    const all = (await (await probe("?include=all")).json()) as AuthzHealthReport;
    expect(all.authorizations).toHaveLength(1);
    expect(all.authorizations[0]).toMatchObject({
      authorizationId: seller.authorizationId,
      overall: "ok",
      checks: { tokenValid: { status: "ok" }, rolesCoverLedger: { status: "ok" }, vendorLinked: { status: "not_applicable" } },
    });

    const { roles } = await db.authorization.findUniqueOrThrow({ where: { id: seller.authorizationId } });
    // Two failed refreshes in a row and a role taken away: the probe sees both, in plain words.
    await db.authorization.update({ where: { id: seller.authorizationId }, data: { consecutiveFailures: 2, lastRefreshError: "server_error", roles: [] } });
    const broken = await probe();
    expect(broken.status).toBe(503);
    const failing = (await broken.json()) as AuthzHealthReport;
    expect(failing.overall).toBe("fail");
    expect(failing.counts).toMatchObject({ ok: 0, fail: 1 });
    const [entry] = failing.authorizations;
    expect(entry?.checks.tokenValid).toEqual({ status: "fail", detail: expect.stringContaining("The last 2 token refreshes failed (server_error)") });
    expect(entry?.checks.rolesCoverLedger).toEqual({ status: "fail", detail: expect.stringContaining("getMarketplaceParticipations") });

    // The app client's own standing counts too: an expiring secret warns, unrecorded billing warns.
    await db.authorization.update({ where: { id: seller.authorizationId }, data: { consecutiveFailures: 0, lastRefreshError: null, roles } });
    await db.appClientSecret.updateMany({ where: { state: "CURRENT" }, data: { expiresAt: new Date(Date.now() + 3 * 86_400_000) } });
    await db.appClient.updateMany({ data: { billingStatus: null } });
    const warned = (await (await probe()).json()) as AuthzHealthReport;
    expect(warned.appClient.clientSecret).toEqual({ status: "warn", detail: expect.stringMatching(/^The client secret expires on \d{4}-\d{2}-\d{2}: rotate it soon\.$/) });
    expect(warned.appClient.chargeMethod.status).toBe("warn");
  });
});
