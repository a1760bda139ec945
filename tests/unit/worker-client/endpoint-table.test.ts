// The client's table of Latchkey paths and fields (paths.ts) is what an OpenAPI check will walk: every
// request the client makes must be in it, with no field the table does not list.
import { describe, expect, it } from "vitest";
import { endpointPath, LATCHKEY_ENDPOINTS, LATCHKEY_NESTED_FIELDS } from "@latchkey/client";
import { amazonError, createFake, json, LATCHKEY } from "./fake-latchkey";

function templateOf(url: string, method: string) {
  const path = url.slice(LATCHKEY.length);
  return Object.values(LATCHKEY_ENDPOINTS).find((endpoint) => endpoint.method === method && new RegExp(`^${endpoint.path.replace(/\{\w+\}/g, "[^/]+")}$`).test(path));
}

describe("worker client: the Latchkey endpoint table", () => {
  it("covers every request the client sends, and every field in their bodies", async () => {
    const fake = createFake();
    const participations = { method: "GET", path: "/sellers/v1/marketplaceParticipations", operation: "getMarketplaceParticipations" } as const;
    fake.spapi(amazonError(401, "Unauthorized"), json(200, { payload: [] }), json(200, { payload: {} }));
    await fake.client.spapiFetch("auth-1", participations);
    await fake.client.spapiFetch("auth-1", { method: "GET", path: "/orders/v0/orders/1", operation: "getOrder", rdt: [{ method: "GET", path: "/orders/v0/orders/1", dataElements: ["buyerInfo"] }] });
    await fake.client.withRdt("auth-1", [{ method: "GET", path: "/orders/v0/orders/1/address" }], () => undefined, { targetApplication: "amzn1.sp.solution.other" });
    await fake.client.grantlessToken("sellingpartnerapi::notifications");
    await fake.client.flush();
    const tenant = { id: "t1", externalId: "e1", name: "T", kind: "SELLER", contactEmail: "t@example.com", metadata: {}, marketplaceIds: [], quarantinedAt: null, createdAt: "x", updatedAt: "x" };
    fake.answerManagement((request) => {
      const path = new URL(request.url).pathname;
      if (path === "/api/v1/tenants" && request.method === "GET") return json(200, { data: [tenant], nextCursor: null });
      if (path === "/api/v1/authorizations") return json(200, { data: [], nextCursor: null });
      if (path === "/api/v1/connect-links") return json(201, { id: "cl1", url: "https://latchkey.test/c/1", expiresAt: "x", tenantId: "t1", region: "NA", flow: "connect" });
      if (path.startsWith("/api/v1/authorizations/")) return json(200, { id: "a1", tenantId: "t1", tenant: {} });
      if (path === "/api/v1/webhook-endpoints" && request.method === "GET") return json(200, { endpoints: [] });
      if (path === "/api/v1/webhook-endpoints") return json(201, { endpoint: { id: "w1" }, secret: "whsec" });
      if (path.endsWith("/deliveries")) return json(200, { deliveries: [], nextCursor: null });
      if (path.endsWith("/test") || path.endsWith("/redeliver")) return json(201, { delivery: { id: "d2" } });
      if (path.startsWith("/api/v1/webhook-endpoints/") && request.method === "DELETE") return new Response(null, { status: 204 });
      if (path.startsWith("/api/v1/webhook-endpoints/")) return json(200, { endpoint: { id: "w1" } });
      return json(200, tenant);
    });
    await fake.client.createTenant({ name: "T", kind: "SELLER", contactEmail: "t@example.com", externalId: "e1", metadata: { plan: "pro" }, marketplaceIds: ["ATVPDKIKX0DER"], idempotencyKey: "k1" });
    await fake.client.listTenants({ kind: "SELLER", externalId: "e1", contactEmail: "t@example.com", limit: 5, cursor: "c" });
    await fake.client.getTenant("t1");
    await fake.client.getTenantByExternalId("e1");
    await fake.client.updateTenant("t1", { name: "U", contactEmail: "u@example.com", externalId: null, metadata: null, marketplaceIds: [] });
    await fake.client.listAuthorizations({ tenantId: "t1", externalId: "e1", sellingPartnerId: "A1", region: "NA", status: "ACTIVE", limit: 5, cursor: "c" });
    await fake.client.getAuthorization("a1");
    await fake.client.listWebhookEndpoints();
    await fake.client.createWebhookEndpoint({ url: "https://hooks.test/in", description: "d", eventTypes: ["authorization.status_changed"], tenantId: "t1", enabled: true });
    await fake.client.getWebhookEndpoint("w1");
    await fake.client.updateWebhookEndpoint("w1", { url: "https://hooks.test/in2", description: null, eventTypes: [], enabled: false });
    await fake.client.listWebhookDeliveries("w1", { status: "failed", limit: 10, cursor: "d0" });
    await fake.client.sendTestWebhook("w1");
    await fake.client.redeliverWebhook("w1", "d1");
    await fake.client.deleteWebhookEndpoint("w1");
    await fake.client.createConnectLink({ tenantId: "t1", region: "NA", flow: "connect", returnUrl: "https://app.test/", marketplaceId: "ATVPDKIKX0DER", idempotencyKey: "k2" });

    const latchkeyRequests = fake.seen.filter((r) => r.url.startsWith(LATCHKEY)).map((r) => ({ ...r, url: r.url.split("?")[0]!, query: [...new URL(r.url).searchParams.keys()] }));
    expect(new Set(latchkeyRequests.map((r) => templateOf(r.url, r.method)?.path))).toEqual(new Set(Object.values(LATCHKEY_ENDPOINTS).map((e) => e.path)));
    for (const request of latchkeyRequests) {
      const endpoint = templateOf(request.url, request.method);
      expect(endpoint, request.url).toBeDefined();
      const body = (request.body ?? {}) as Record<string, unknown>;
      expect(Object.keys(body).filter((key) => !endpoint!.requestFields.includes(key as never)), request.url).toEqual([]);
      const queryFields: readonly string[] = "queryFields" in endpoint! ? endpoint.queryFields : [];
      expect(request.query.filter((key) => !queryFields.includes(key)), request.url).toEqual([]);
      const extraHeaders = [...request.headers.keys()].filter((name) => !["authorization", "accept", "content-type", "user-agent"].includes(name));
      const allowedHeaders: readonly string[] = "headers" in endpoint! ? endpoint.headers : [];
      expect(extraHeaders.filter((name) => !allowedHeaders.includes(name)), request.url).toEqual([]);
      for (const resource of (body.restrictedResources ?? []) as Record<string, unknown>[]) expect(LATCHKEY_NESTED_FIELDS.restrictedResource).toEqual(expect.arrayContaining(Object.keys(resource)));
      for (const outcome of (body.outcomes ?? []) as Record<string, unknown>[]) expect(LATCHKEY_NESTED_FIELDS.outcome).toEqual(expect.arrayContaining(Object.keys(outcome)));
    }
    expect(latchkeyRequests.some((r) => (r.body as { rejectedToken?: string } | undefined)?.rejectedToken)).toBe(true);
  });

  it("fills path parameters URL-encoded and insists on them", () => {
    expect(endpointPath("accessToken", { authorizationId: "a/b c" })).toBe("/api/v1/authorizations/a%2Fb%20c/access-token");
    expect(() => endpointPath("restrictedDataToken")).toThrow(/authorizationId is required/);
  });
});
