import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it } from "vitest";
import type { Sandbox } from "@/sandbox/server";
import { POST as accessTokenRoute } from "@/app/api/v1/authorizations/[id]/access-token/route";
import { POST as rdtRoute } from "@/app/api/v1/authorizations/[id]/restricted-data-token/route";
import { POST as grantlessRoute } from "@/app/api/v1/grantless-tokens/route";
import { POST as outcomesRoute } from "@/app/api/v1/outcomes/route";
import { createApiKey, revokeApiKey } from "@/lib/api-keys/manage-api-keys";
import { db } from "@/lib/db/client";
import { forgetAllMemoryTokens } from "@/lib/token-cache/token-cache";
import { connectSeller } from "../../support/connect-seller";
import { useAppWithSandbox } from "../../support/app-harness";
import { sandboxControl } from "../../support/sandbox-session";

let sandbox: Sandbox;
let admin: string;

function call(route: typeof accessTokenRoute, path: string, options: { key?: string; body?: unknown; id?: string } = {}) {
  const headers = new Headers({ "content-type": "application/json" });
  if (options.key) headers.set("authorization", `Bearer ${options.key}`);
  const request = new NextRequest(`http://localhost${path}`, { method: "POST", headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  return route(request, { params: Promise.resolve({ id: options.id ?? "" }) });
}

const accessToken = (id: string, key?: string, body?: unknown) => call(accessTokenRoute, `/api/v1/authorizations/${id}/access-token`, { key, id, body });

describe("token API", () => {
  const app = useAppWithSandbox({ rateLimits: false });
  beforeEach(async () => {
    sandbox = app.sandbox;
    admin = (await db.user.create({ data: { email: "admin@example.test", role: "ADMIN" } })).id;
  });

  it("issues an access token with its expiry to a valid key, and 401 to anyone else", async () => {
    const seller = await connectSeller(sandbox);
    const { apiKey } = await createApiKey({ name: "order-sync" }, admin);
    const ok = await accessToken(seller.authorizationId, apiKey);
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as { accessToken: string; expiresAt: string; region: string; sellingPartnerId: string };
    expect(body.accessToken).toMatch(/^Atza\|/);
    expect(new Date(body.expiresAt).getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);
    expect(body).toMatchObject({ region: "NA", sellingPartnerId: seller.sellingPartnerId });
    expect(ok.headers.get("cache-control")).toBe("no-store");

    for (const key of [undefined, "lk_live_notarealkey_aaaaaaaaaaaaaaaaaaaaaaaaaaa"]) {
      const denied = await accessToken(seller.authorizationId, key);
      expect(denied.status).toBe(401);
      expect(((await denied.json()) as { error: { code: string } }).error.code).toBe("unauthenticated");
    }
  });

  it("gives a key limited to tenant A a 404 for tenant B, even for B's revoked authorization", async () => {
    const a = await connectSeller(sandbox, { label: "A" });
    const b = await connectSeller(sandbox, { label: "B" });
    const { apiKey } = await createApiKey({ name: "a-only", tenantIds: [a.tenantId] }, admin);
    expect((await accessToken(a.authorizationId, apiKey)).status).toBe(200);
    const forB = await accessToken(b.authorizationId, apiKey);
    expect(forB.status).toBe(404);
    expect(((await forB.json()) as { error: { code: string } }).error.code).toBe("not_found");
    await db.authorization.update({ where: { id: b.authorizationId }, data: { status: "REVOKED" } });
    forgetAllMemoryTokens();
    await new Promise((resolve) => setTimeout(resolve, 1050));
    expect((await accessToken(b.authorizationId, apiKey)).status).toBe(404);
    const rdt = await call(rdtRoute, "/x", { key: apiKey, id: b.authorizationId, body: { restrictedResources: [{ method: "GET", path: "/orders/v0/orders/123-1234567-1234567" }] } });
    expect(rdt.status).toBe(404);
    expect((await call(grantlessRoute, "/api/v1/grantless-tokens", { key: apiKey, body: { scope: "sellingpartnerapi::notifications" } })).status).toBe(404);
    expect((await accessToken("no-such-authorization", apiKey)).status).toBe(404);
  });

  it("refuses revoked and paused authorizations with stable codes", async () => {
    const seller = await connectSeller(sandbox);
    const { apiKey } = await createApiKey({ name: "svc" }, admin);
    await db.authorization.update({ where: { id: seller.authorizationId }, data: { status: "REVOKED" } });
    const revoked = await accessToken(seller.authorizationId, apiKey);
    expect([revoked.status, ((await revoked.json()) as { error: { code: string } }).error.code]).toEqual([409, "authorization_revoked"]);
    await db.authorization.update({ where: { id: seller.authorizationId }, data: { status: "ACTIVE" } });
    await db.tenant.update({ where: { id: seller.tenantId }, data: { quarantinedAt: new Date() } });
    await new Promise((resolve) => setTimeout(resolve, 1050));
    const paused = await accessToken(seller.authorizationId, apiKey);
    expect([paused.status, ((await paused.json()) as { error: { code: string } }).error.code]).toEqual([423, "tenant_quarantined"]);
  });

  it("stops a revoked key within a second", async () => {
    const seller = await connectSeller(sandbox);
    const { apiKey, id } = await createApiKey({ name: "svc" }, admin);
    expect((await accessToken(seller.authorizationId, apiKey)).status).toBe(200);
    await revokeApiKey(id, admin);
    await new Promise((resolve) => setTimeout(resolve, 1050));
    expect((await accessToken(seller.authorizationId, apiKey)).status).toBe(401);
  });

  it("rate-limits per key with Retry-After", async () => {
    const seller = await connectSeller(sandbox);
    const { apiKey } = await createApiKey({ name: "slow", rateLimitPerMinute: 5 }, admin);
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await accessToken(seller.authorizationId, apiKey)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const limited = await accessToken(seller.authorizationId, apiKey);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await limited.json()) as { error: { code: string } }).error.code).toBe("rate_limited");
  });

  it("creates an RDT that unlocks a restricted call, and refuses non-restricted resources", async () => {
    const seller = await connectSeller(sandbox);
    const { apiKey } = await createApiKey({ name: "ship" }, admin);
    const orderId = "902-3159896-1390916";
    const wrong = await call(rdtRoute, "/x", { key: apiKey, id: seller.authorizationId, body: { restrictedResources: [{ method: "GET", path: "/sellers/v1/account" }] } });
    expect(wrong.status).toBe(422);
    const elements = await call(rdtRoute, "/x", { key: apiKey, id: seller.authorizationId, body: { restrictedResources: [{ method: "GET", path: `/orders/v0/orders/${orderId}/address`, dataElements: ["buyerInfo"] }] } });
    expect(elements.status).toBe(422);
    const ok = await call(rdtRoute, "/x", { key: apiKey, id: seller.authorizationId, body: { restrictedResources: [{ method: "GET", path: `/orders/v0/orders/${orderId}`, dataElements: ["buyerInfo", "shippingAddress"] }] } });
    expect(ok.status).toBe(200);
    const { restrictedDataToken, expiresAt } = (await ok.json()) as { restrictedDataToken: string; expiresAt: string };
    expect(restrictedDataToken).toMatch(/^Atz\.sprdt\|/);
    expect(new Date(expiresAt).getTime()).toBeGreaterThan(Date.now());
    const order = await fetch(`${sandbox.url}/spapi/na/orders/v0/orders/${orderId}`, { headers: { "x-amz-access-token": restrictedDataToken, "user-agent": "test (Language=TypeScript)" } });
    expect(order.status).toBe(200);
    // Never stored: no table holds it.
    expect(await db.accessTokenCache.count({ where: { tokenCiphertext: { contains: "sprdt" } } })).toBe(0);
  });

  it("issues grantless tokens to unrestricted keys", async () => {
    const { apiKey } = await createApiKey({ name: "platform" }, admin);
    const response = await call(grantlessRoute, "/api/v1/grantless-tokens", { key: apiKey, body: { scope: "sellingpartnerapi::notifications" } });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { scope: string }).scope).toBe("sellingpartnerapi::notifications");
    expect((await call(grantlessRoute, "/api/v1/grantless-tokens", { key: apiKey, body: { scope: "sellingpartnerapi::everything" } })).status).toBe(422);
  });

  it("aggregates reported outcomes into minute buckets and drops other tenants' outcomes", async () => {
    const a = await connectSeller(sandbox, { label: "A" });
    const b = await connectSeller(sandbox, { label: "B" });
    const { apiKey } = await createApiKey({ name: "a-only", tenantIds: [a.tenantId] }, admin);
    const at = "2026-11-22T10:15:30.000Z";
    const outcomes = [
      { authorizationId: a.authorizationId, operation: "getOrders", status: 200, latencyMs: 120, at },
      { authorizationId: a.authorizationId, operation: "getOrders", status: 200, latencyMs: 80, at },
      { authorizationId: a.authorizationId, operation: "getOrders", status: 403, latencyMs: 40, at },
      { authorizationId: b.authorizationId, operation: "getOrders", status: 200, latencyMs: 10, at },
    ];
    const response = await call(outcomesRoute, "/api/v1/outcomes", { key: apiKey, body: { outcomes } });
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ accepted: 3 });
    await call(outcomesRoute, "/api/v1/outcomes", { key: apiKey, body: { outcomes: outcomes.slice(0, 1) } });
    // Only the reported operation: connecting the sellers also recorded Latchkey's own calls.
    const buckets = await db.spApiCallBucket.findMany({ where: { operation: "getOrders" }, orderBy: { statusClass: "asc" } });
    expect(buckets.map((x) => [x.authorizationId, x.statusClass, x.count, x.latencyMsSum, x.latencyMsMax])).toEqual([
      [a.authorizationId, "2xx", 3, 320, 120],
      [a.authorizationId, "403", 1, 40, 40],
    ]);
    expect(buckets[0]!.bucketStart.toISOString()).toBe("2026-11-22T10:15:00.000Z");
    expect((await call(outcomesRoute, "/api/v1/outcomes", { key: apiKey, body: { outcomes: [] } })).status).toBe(422);
  });

  it("replaces a token a worker reports as rejected, once, and discovers a revoked grant", async () => {
    const seller = await connectSeller(sandbox);
    const { apiKey } = await createApiKey({ name: "svc" }, admin);
    const refreshes = async () => ((await (await fetch(`${sandbox.url}/_sandbox/stats`)).json()) as { lwa: { byGrantType: Record<string, number> } }).lwa.byGrantType.refresh_token ?? 0;
    const first = ((await (await accessToken(seller.authorizationId, apiKey)).json()) as { accessToken: string }).accessToken;
    const before = await refreshes();
    const reports = await Promise.all(Array.from({ length: 10 }, () => accessToken(seller.authorizationId, apiKey, { rejectedToken: first })));
    const replaced = await Promise.all(reports.map(async (r) => ((await r.json()) as { accessToken: string }).accessToken));
    expect(new Set(replaced).size).toBe(1);
    expect(replaced[0]).not.toBe(first);
    expect((await refreshes()) - before).toBe(1);
    // A report about a token that was already replaced changes nothing.
    const stale = await accessToken(seller.authorizationId, apiKey, { rejectedToken: first });
    expect(((await stale.json()) as { accessToken: string }).accessToken).toBe(replaced[0]);
    expect((await refreshes()) - before).toBe(1);

    await sandboxControl(sandbox, "POST", "/revoke", { sellingPartnerId: seller.sellingPartnerId });
    const revoked = await accessToken(seller.authorizationId, apiKey, { rejectedToken: replaced[0] });
    expect([revoked.status, ((await revoked.json()) as { error: { code: string } }).error.code]).toEqual([409, "authorization_revoked"]);
    expect((await db.authorization.findUniqueOrThrow({ where: { id: seller.authorizationId } })).status).toBe("REVOKED");
    expect((await accessToken(seller.authorizationId, apiKey, "not json")).status).toBe(422);
  });
});
