import { describe, expect, it } from "vitest";
import { AppInputError, parseAppInput, upsertApp } from "../../../sandbox/apps/app-input";
import { readSandboxEnv } from "../../../sandbox/config/env";
import { faultInputSchema } from "../../../sandbox/control/faults";
import { escapeHtml, html } from "../../../sandbox/http/html";
import { hashSecret } from "../../../sandbox/ids";
import { matchPath } from "../../../sandbox/http/route";
import { checkRestrictedDataTokenRequest } from "../../../sandbox/spapi/restricted-data-token";
import { findRestrictedOperation, resourceCovers } from "../../../sandbox/spapi/restricted-resources";
import { parsePurchaseOrdersQuery } from "../../../sandbox/spapi/vendor-orders";
import { accountInputSchema } from "../../../sandbox/state/account-input";
import type { App } from "../../../sandbox/state/types";

describe("getPurchaseOrders query", () => {
  const parse = (query: string, requireTimeFrame = true) => parsePurchaseOrdersQuery(new URLSearchParams(query), requireTimeFrame);

  it("accepts the parameters the model declares", () => {
    const result = parse("limit=1&createdAfter=2026-11-20T00:00:00Z&sortOrder=DESC&includeDetails=false&purchaseOrderState=New");
    expect(result).toEqual({
      ok: true,
      value: { limit: 1, createdAfter: Date.parse("2026-11-20T00:00:00Z"), sortOrder: "DESC", includeDetails: false, purchaseOrderState: "New" },
    });
  });

  it("reads a date-time without a zone as UTC", () => {
    expect(parse("createdAfter=2019-08-20T14:00:00")).toMatchObject({ ok: true, value: { createdAfter: Date.parse("2019-08-20T14:00:00Z") } });
  });

  it.each([
    ["limit=0&createdAfter=2026-11-20T00:00:00Z", "limit"],
    ["limit=101&createdAfter=2026-11-20T00:00:00Z", "limit"],
    ["limit=abc&createdAfter=2026-11-20T00:00:00Z", "limit"],
    ["createdAfter=yesterday", "createdAfter"],
    ["createdAfter=2026-11-20T00:00:00Z&sortOrder=UP", "sortOrder"],
    ["createdAfter=2026-11-20T00:00:00Z&includeDetails=yes", "includeDetails"],
    ["createdAfter=2026-11-20T00:00:00Z&purchaseOrderState=Open", "purchaseOrderState"],
  ])("refuses %s", (query, parameter) => {
    const result = parse(query);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(parameter);
  });

  it("needs a time frame unless configured off, and at most 7 days", () => {
    expect(parse("limit=1").ok).toBe(false);
    expect(parse("limit=1", false).ok).toBe(true);
    expect(parse("changedAfter=2026-11-20T00:00:00Z").ok).toBe(true);
    expect(parse("createdAfter=2026-11-01T00:00:00Z&createdBefore=2026-11-08T00:00:00Z").ok).toBe(true);
    expect(parse("createdAfter=2026-11-01T00:00:00Z&createdBefore=2026-11-08T00:00:01Z").ok).toBe(false);
    expect(parse("createdAfter=2026-11-08T00:00:00Z&createdBefore=2026-11-01T00:00:00Z").ok).toBe(false);
  });
});

describe("createRestrictedDataToken body", () => {
  it("accepts Orders resources with dataElements", () => {
    const result = checkRestrictedDataTokenRequest({ restrictedResources: [{ method: "GET", path: "/orders/v0/orders/{orderId}", dataElements: ["buyerInfo", "shippingAddress"] }], targetApplication: "x" });
    expect(result.ok).toBe(true);
  });

  it.each([
    [{}],
    [{ restrictedResources: [] }],
    [{ restrictedResources: Array.from({ length: 51 }, () => ({ method: "GET", path: "/orders/v0/orders" })) }],
    [{ restrictedResources: [{ method: "GET" }] }],
    [{ restrictedResources: [{ method: "GET", path: "orders/v0/orders" }] }],
    [{ restrictedResources: [{ method: "GET", path: "/sellers/v1/account" }] }],
    [{ restrictedResources: [{ method: "GET", path: "/mfn/v0/shipments/X1", dataElements: ["buyerInfo"] }] }],
    [{ restrictedResources: [{ method: "GET", path: "/orders/v0/orders", dataElements: ["ssn"] }] }],
  ])("refuses %j", (body) => {
    expect(checkRestrictedDataTokenRequest(body).ok).toBe(false);
  });

  it("matches resources by template or concrete path", () => {
    expect(findRestrictedOperation("GET", "/orders/v0/orders/123-1234567-1234567/orderItems")?.takesDataElements).toBe(true);
    expect(findRestrictedOperation("GET", "/reports/2021-06-30/documents/doc-1")).toBeDefined();
    expect(findRestrictedOperation("POST", "/orders/v0/orders")).toBeUndefined();
    const template = { method: "GET" as const, path: "/orders/v0/orders/{orderId}" };
    expect(resourceCovers(template, "GET", "/orders/v0/orders/1-2-3")).toBe(true);
    expect(resourceCovers(template, "GET", "/orders/v0/orders/1-2-3/address")).toBe(false);
    const concrete = { method: "GET" as const, path: "/orders/v0/orders/1-2-3" };
    expect(resourceCovers(concrete, "GET", "/orders/v0/orders/1-2-3")).toBe(true);
    expect(resourceCovers(concrete, "GET", "/orders/v0/orders/4-5-6")).toBe(false);
  });
});

describe("control API inputs", () => {
  it("validates faults", () => {
    expect(faultInputSchema.safeParse({ route: "spapi:getAccount", kind: "5xx", status: 503, count: 2 }).success).toBe(true);
    expect(faultInputSchema.safeParse({ route: "lwa:password", kind: "5xx" }).success).toBe(false);
    expect(faultInputSchema.safeParse({ route: "lwa", kind: "explode" }).success).toBe(false);
    expect(faultInputSchema.safeParse({ route: "lwa", kind: "5xx", probability: 2 }).success).toBe(false);
    expect(faultInputSchema.safeParse({ route: "consent", kind: "invalid_grant" }).success).toBe(false);
  });

  it("validates accounts", () => {
    expect(accountInputSchema.safeParse({ sellingPartnerId: "A", name: "A", type: "seller", marketplaces: ["ATVPDKIKX0DER"] }).success).toBe(true);
    expect(accountInputSchema.safeParse({ sellingPartnerId: "A", name: "A", type: "seller", marketplaces: ["NOPE"] }).success).toBe(false);
    expect(accountInputSchema.safeParse({ sellingPartnerId: "V", name: "V", type: "vendor", region: "EU", vendorCodes: ["X"] }).success).toBe(true);
    expect(accountInputSchema.safeParse({ sellingPartnerId: "V", name: "V", type: "vendor", vendorCodes: ["X"] }).success).toBe(false);
  });

  it("registers apps with a 180-day secret and updates them in place", () => {
    const apps: App[] = [];
    const { app, created } = upsertApp(apps, parseAppInput({ applicationId: "a", clientId: "c", clientSecret: "s", redirectUris: ["https://x.example/cb"] }), 0);
    expect(created).toBe(true);
    expect(app.clientSecrets).toEqual([{ hash: hashSecret("s"), preview: "****", createdAt: 0, expiresAt: 180 * 24 * 3600 * 1000 }]);
    expect(app.published).toBe(false);
    const updated = upsertApp(apps, parseAppInput({ applicationId: "a", published: true, loginUri: "https://x.example/login" }), 5);
    expect(updated.created).toBe(false);
    expect(apps[0]).toMatchObject({ published: true, loginUri: "https://x.example/login", clientSecrets: [{ hash: hashSecret("s") }] });
    expect(() => upsertApp(apps, parseAppInput({ applicationId: "b", clientId: "c", redirectUris: ["https://x.example/cb"] }), 0)).toThrow(AppInputError);
    expect(() => parseAppInput({ applicationId: "a", redirectUris: ["not a url"] })).toThrow(AppInputError);
  });
});

describe("environment", () => {
  it("has zero-config defaults", () => {
    const env = readSandboxEnv({});
    expect(env).toMatchObject({ port: 4100, host: "127.0.0.1", stateFile: ".data/sandbox-state.json", quiet: false });
    expect(env.defaultApp).toMatchObject({
      applicationId: "amzn1.sp.solution.latchkey-sandbox",
      clientId: "amzn1.application-oa2-client.latchkeysandbox",
      clientSecret: "amzn1.oa2-cs.v1.latchkey-sandbox-secret-0001",
      redirectUris: ["http://localhost:3000/api/oauth/callback"],
      loginUri: "http://localhost:3000/appstore/login",
      published: false,
    });
  });

  it("reads overrides and lists", () => {
    const env = readSandboxEnv({ SANDBOX_PORT: "4200", SANDBOX_REDIRECT_URIS: "https://a.example/cb, https://b.example/cb", SANDBOX_APP_PUBLISHED: "true", SANDBOX_QUIET: "1" });
    expect(env.port).toBe(4200);
    expect(env.defaultApp.redirectUris).toEqual(["https://a.example/cb", "https://b.example/cb"]);
    expect(env.defaultApp.published).toBe(true);
    expect(env.quiet).toBe(true);
    expect(() => readSandboxEnv({ SANDBOX_PORT: "http" })).toThrow(/SANDBOX_PORT/);
  });
});

describe("small helpers", () => {
  it("escapes HTML interpolations", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    expect(html`<p>${"<b>"}</p>${html`<i>ok</i>`}`.value).toBe("<p>&lt;b&gt;</p><i>ok</i>");
  });

  it("matches path templates", () => {
    expect(matchPath("/notifications/v1/destinations/{destinationId}", "/notifications/v1/destinations/abc%20d")).toEqual({ destinationId: "abc d" });
    expect(matchPath("/notifications/v1/destinations/{destinationId}", "/notifications/v1/destinations/")).toBeUndefined();
    expect(matchPath("/sellers/v1/account", "/sellers/v1/account/x")).toBeUndefined();
  });
});
