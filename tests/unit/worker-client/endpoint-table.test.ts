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

    const latchkeyRequests = fake.seen.filter((r) => r.url.startsWith(LATCHKEY));
    expect(new Set(latchkeyRequests.map((r) => templateOf(r.url, r.method)?.path))).toEqual(new Set(Object.values(LATCHKEY_ENDPOINTS).map((e) => e.path)));
    for (const request of latchkeyRequests) {
      const endpoint = templateOf(request.url, request.method);
      expect(endpoint, request.url).toBeDefined();
      const body = (request.body ?? {}) as Record<string, unknown>;
      expect(Object.keys(body).filter((key) => !endpoint!.requestFields.includes(key as never)), request.url).toEqual([]);
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
