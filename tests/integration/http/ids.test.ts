// Ids have one shape at the edge: a NUL or other control character, a lone surrogate, malformed
// percent-encoding or an overlong id never reaches PostgreSQL (which answered 500). Path ids that cannot
// exist are 404, body and query ids 422; the admin search strips what it cannot search for.
import { NextRequest } from "next/server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { POST as accessTokenRoute } from "@/app/api/v1/authorizations/[id]/access-token/route";
import { POST as rdtRoute } from "@/app/api/v1/authorizations/[id]/restricted-data-token/route";
import { POST as outcomesRoute } from "@/app/api/v1/outcomes/route";
import { GET as healthRoute } from "@/app/api/health/authz/route";
import { createApiKey } from "@/lib/api-keys/manage-api-keys";
import { db } from "@/lib/db/client";
import { resetServerEnvForTests } from "@/lib/env";
import { getAuthzHealth } from "@/lib/health/get-authz-health";
import { parseDashboardFilters } from "@/lib/tenants/list-filters";
import { listTenantAuthorizations } from "@/lib/tenants/list-tenant-authorizations";
import { useAppWithSandbox } from "../../support/app-harness";
import { connectSeller } from "../../support/connect-seller";

const BAD_IDS = ["a\u0000b", "a%00b", "a\u001fb", "x".repeat(65), "a\uD800b", "%E0%A4%A", "a%ZZb", "../x", ""];
const PROBE_TOKEN = "probe-token-for-id-tests-0123456789";

let apiKey: string;

function post(route: typeof accessTokenRoute, id: string, body: unknown) {
  const request = new NextRequest("http://localhost/api/v1/x", { method: "POST", headers: { authorization: `Bearer ${apiKey}` }, body: JSON.stringify(body) });
  return route(request, { params: Promise.resolve({ id }) });
}

async function code(response: Response): Promise<[number, string]> {
  return [response.status, ((await response.json()) as { error: { code: string } }).error.code];
}

describe("ids at the edge", () => {
  const app = useAppWithSandbox({ rateLimits: false });
  beforeEach(async () => {
    const admin = await db.user.create({ data: { email: "admin@example.test", role: "ADMIN" } });
    apiKey = (await createApiKey({ name: "ids" }, admin.id)).apiKey;
  });
  afterEach(() => {
    delete process.env.HEALTH_PROBE_TOKEN;
    resetServerEnvForTests();
  });

  it("answers a path id that cannot exist with 404 not_found on the token routes", async () => {
    for (const id of BAD_IDS) {
      expect(await code(await post(accessTokenRoute, id, {}))).toEqual([404, "not_found"]);
      expect(await code(await post(rdtRoute, id, { restrictedResources: [{ method: "GET", path: "/orders/v0/orders/1" }] }))).toEqual([404, "not_found"]);
    }
  });

  it("answers a bad authorizationId in an outcomes body with 422, and still records good ones", async () => {
    for (const id of BAD_IDS) {
      const response = await post(outcomesRoute, "", { outcomes: [{ authorizationId: id, operation: "getOrders", status: 200, latencyMs: 5 }] });
      expect(await code(response)).toEqual([422, "invalid_input"]);
    }
    const seller = await connectSeller(app.sandbox);
    const ok = await post(outcomesRoute, "", { outcomes: [{ authorizationId: seller.authorizationId, operation: "getOrders", status: 200, latencyMs: 5 }] });
    expect(ok.status).toBe(202);
  });

  it("answers a bad authorizationId on the health probe with 422, and the lib refuses it too", async () => {
    process.env.HEALTH_PROBE_TOKEN = PROBE_TOKEN;
    resetServerEnvForTests();
    const asSent = ["a%00b", "a%1Fb", "%E0%A4%A", "a%ZZb", "%ED%A0%80"].map((raw) => `?authorizationId=${raw}`);
    const asSet = BAD_IDS.filter(Boolean).map((id) => `?${new URLSearchParams({ authorizationId: id }).toString()}`);
    for (const query of [...asSent, ...asSet]) {
      const response = await healthRoute(new Request(`http://localhost/api/health/authz${query}`, { headers: { authorization: `Bearer ${PROBE_TOKEN}` } }));
      expect(await code(response)).toEqual([422, "invalid_input"]);
    }
    await expect(getAuthzHealth({ authorizationId: "a\u0000b" })).rejects.toThrow();
    expect((await getAuthzHealth({ authorizationId: "no-such-authorization" })).authorizations).toEqual([]);
  });

  it("searches the admin dashboard with control characters stripped instead of failing", async () => {
    const seller = await connectSeller(app.sandbox, { label: "Nulbyte" });
    const page = await listTenantAuthorizations(parseDashboardFilters({ q: "nul\u0000byte\uD800" }));
    expect(page.rows).toEqual([]);
    const found = await listTenantAuthorizations(parseDashboardFilters({ q: "\u0000nulbyte\u0007" }));
    expect(found.rows.map((row) => row.tenantId)).toEqual([seller.tenantId]);
  });
});
