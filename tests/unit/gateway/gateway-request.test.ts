import { describe, expect, it } from "vitest";
import { findOperation } from "@/lib/amazon/catalog";
import { gatewayRequestOptions } from "@/lib/gateway/gateway-request-options";
import { usagePlanBucket } from "@/lib/gateway/rate-limiter/usage-plan-bucket";
import { restrictedResourceFor } from "@/lib/gateway/restricted-data-token-cache";

const operation = (method: string, path: string) => {
  const found = findOperation(method, path);
  if (!found) throw new Error(`no operation ${method} ${path}`);
  return found;
};

describe("the gateway's request headers", () => {
  it("waits 10 s by default, and replays only GET, PUT and DELETE unless the caller vouches for a POST", () => {
    expect(gatewayRequestOptions("GET", new Headers())).toEqual({ maxWaitMs: 10_000, dataElements: [], idempotent: true });
    expect(gatewayRequestOptions("DELETE", new Headers()).idempotent).toBe(true);
    expect(gatewayRequestOptions("POST", new Headers()).idempotent).toBe(false);
    expect(gatewayRequestOptions("PATCH", new Headers({ "x-latchkey-idempotent": "true" })).idempotent).toBe(true);
    expect(gatewayRequestOptions("GET", new Headers({ "x-latchkey-idempotent": "false" })).idempotent).toBe(false);
  });

  it("reads the wait and the data elements, and refuses nonsense", () => {
    const options = gatewayRequestOptions("GET", new Headers({ "x-latchkey-max-wait-ms": "0", "x-latchkey-data-elements": " buyerInfo , shippingAddress," }));
    expect(options).toMatchObject({ maxWaitMs: 0, dataElements: ["buyerInfo", "shippingAddress"] });
    expect(() => gatewayRequestOptions("GET", new Headers({ "x-latchkey-max-wait-ms": "soon" }))).toThrow();
    expect(() => gatewayRequestOptions("GET", new Headers({ "x-latchkey-max-wait-ms": "600000" }))).toThrow();
    expect(() => gatewayRequestOptions("GET", new Headers({ "x-latchkey-idempotent": "yes" }))).toThrow();
  });
});

describe("the shared bucket of an operation", () => {
  it("is the catalog's usage plan per authorization, keeping one request of the burst in reserve", () => {
    expect(usagePlanBucket("auth-1", operation("GET", "/orders/v0/orders/123-1234567-1234567"))).toEqual({ authorizationId: "auth-1", usagePlan: "ordersV0.getOrder", rate: 0.5, burst: 29 });
  });

  it("does not exist when Amazon publishes no plan", () => {
    const unplanned = operation("GET", "/finances/transfers/wallet/2024-03-01/accounts/A1");
    expect(unplanned.usagePlan).toBeNull();
    expect(usagePlanBucket("auth-1", unplanned)).toBeNull();
  });
});

describe("the restricted resource an RDT is cached for", () => {
  it("is Amazon's generic path, so every order of one authorization shares one RDT per set of data elements", () => {
    const getOrder = operation("GET", "/orders/v0/orders/123-1234567-1234567");
    const a = restrictedResourceFor("auth-1", getOrder, "/orders/v0/orders/123-1234567-1234567", ["shippingAddress", "buyerInfo"]);
    const b = restrictedResourceFor("auth-1", getOrder, "/orders/v0/orders/999-7654321-7654321", ["buyerInfo", "shippingAddress", "buyerInfo"]);
    expect(a).toEqual(b);
    expect(a).toMatchObject({ method: "GET", path: "/orders/v0/orders/{orderId}", dataElements: ["buyerInfo", "shippingAddress"] });
    expect(restrictedResourceFor("auth-2", getOrder, "/orders/v0/orders/123-1234567-1234567", ["buyerInfo", "shippingAddress"]).key).not.toBe(a.key);
    expect(restrictedResourceFor("auth-1", getOrder, "/orders/v0/orders/123-1234567-1234567", []).key).not.toBe(a.key);
  });

  it("is the concrete path where Amazon takes no generic one (report documents)", () => {
    const document = operation("GET", "/reports/2021-06-30/documents/amzn1.doc.1");
    expect(document.specificPathOnly).toBe(true);
    expect(restrictedResourceFor("auth-1", document, "/reports/2021-06-30/documents/amzn1.doc.1", []).path).toBe("/reports/2021-06-30/documents/amzn1.doc.1");
  });
});
