import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Sandbox } from "../../../sandbox/server";
import { control, grantlessToken, partnerAccessToken, SELLER_EU, SELLER_NA, spapi, startSandbox, USER_AGENT, VENDOR_NA } from "./support/sandbox-client";

const UNAUTHORIZED = { errors: [{ code: "Unauthorized", message: "Access to requested resource is denied.", details: "" }] };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => control(sandbox, "POST", "/reset"));

function isoHoursAgo(hours: number): string {
  return new Date(sandbox.state.now() - hours * 3600 * 1000).toISOString();
}

describe("authentication", () => {
  it("answers a missing x-amz-access-token with 403 MissingAuthenticationToken and Amazon's headers", async () => {
    const response = await spapi(sandbox, "na", "GET", "/sellers/v1/marketplaceParticipations", undefined);
    expect(response.status).toBe(403);
    expect(response.body).toEqual({ errors: [{ code: "MissingAuthenticationToken", message: "Access to requested resource is denied.", details: "" }] });
    expect(response.headers.get("x-amzn-requestid")).toMatch(UUID);
    expect(response.headers.get("x-amzn-ratelimit-limit")).toBe("0.016");
    expect(response.headers.get("content-type")).toBe("application/json");
  });

  it("does not accept the token as Authorization: Bearer", async () => {
    const { accessToken } = await partnerAccessToken(sandbox, SELLER_NA);
    const response = await fetch(`${sandbox.url}/spapi/na/sellers/v1/account`, { headers: { authorization: `Bearer ${accessToken}` } });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { errors: { code: string }[] }).errors[0]?.code).toBe("MissingAuthenticationToken");
  });

  it("answers an unknown token with 403 Unauthorized", async () => {
    const response = await spapi(sandbox, "na", "GET", "/sellers/v1/account", "Atza|not-a-token");
    expect(response.status).toBe(403);
    expect(response.body).toEqual(UNAUTHORIZED);
  });

  it("refuses a seller's token in another region", async () => {
    const { accessToken } = await partnerAccessToken(sandbox, SELLER_EU);
    expect((await spapi(sandbox, "eu", "GET", "/sellers/v1/account", accessToken)).status).toBe(200);
    const response = await spapi(sandbox, "na", "GET", "/sellers/v1/account", accessToken);
    expect(response.status).toBe(403);
    expect(response.body).toEqual(UNAUTHORIZED);
  });

  it("refuses a vendor token on seller operations and a seller token on vendor operations", async () => {
    const vendor = await partnerAccessToken(sandbox, VENDOR_NA);
    const seller = await partnerAccessToken(sandbox, SELLER_NA);
    expect((await spapi(sandbox, "na", "GET", "/sellers/v1/marketplaceParticipations", vendor.accessToken)).body).toEqual(UNAUTHORIZED);
    expect((await spapi(sandbox, "na", "GET", `/vendor/orders/v1/purchaseOrders?createdAfter=${isoHoursAgo(24)}`, seller.accessToken)).body).toEqual(UNAUTHORIZED);
  });

  it("refuses a grantless token on partner operations", async () => {
    const token = await grantlessToken(sandbox, "sellingpartnerapi::notifications");
    expect((await spapi(sandbox, "na", "GET", "/sellers/v1/account", token)).status).toBe(403);
  });

  it("refuses access tokens of a revoked authorization, and their refresh", async () => {
    const { accessToken } = await partnerAccessToken(sandbox, SELLER_NA);
    expect((await spapi(sandbox, "na", "GET", "/sellers/v1/account", accessToken)).status).toBe(200);
    const revoked = await control<{ revoked: number }>(sandbox, "POST", "/revoke", { sellingPartnerId: SELLER_NA });
    expect(revoked.body.revoked).toBe(1);
    expect((await spapi(sandbox, "na", "GET", "/sellers/v1/account", accessToken)).body).toEqual(UNAUTHORIZED);
  });

  it("records the User-Agent without requiring it", async () => {
    const { accessToken } = await partnerAccessToken(sandbox, SELLER_NA);
    await spapi(sandbox, "na", "GET", "/sellers/v1/account", accessToken);
    const stats = await control<{ spapi: { lastUserAgent: string; userAgents: Record<string, number> } }>(sandbox, "GET", "/stats");
    expect(stats.body.spapi.lastUserAgent).toBe(USER_AGENT);
    expect(stats.body.spapi.userAgents[USER_AGENT]).toBe(1);
  });
});

describe("Sellers API", () => {
  it("returns the seller's marketplace participations", async () => {
    const { accessToken } = await partnerAccessToken(sandbox, SELLER_NA);
    const response = await spapi<{ payload: { marketplace: { id: string } }[] }>(sandbox, "na", "GET", "/sellers/v1/marketplaceParticipations", accessToken);
    expect(response.status).toBe(200);
    expect(response.headers.get("x-amzn-ratelimit-limit")).toBe("0.016");
    expect(response.body.payload.map((entry) => entry.marketplace.id)).toEqual(["ATVPDKIKX0DER", "A2EUQ1WTGCTBG2", "A1AM78C64UM0Y8"]);
  });

  it("returns the seller account", async () => {
    const { accessToken } = await partnerAccessToken(sandbox, SELLER_EU);
    const response = await spapi<{ payload: { sellingPlan: string; marketplaceParticipationList: unknown[] } }>(sandbox, "eu", "GET", "/sellers/v1/account", accessToken);
    expect(response.status).toBe(200);
    expect(response.body.payload.sellingPlan).toBe("PROFESSIONAL");
    expect(response.body.payload.marketplaceParticipationList).toHaveLength(5);
  });
});

describe("Vendor Orders API", () => {
  it("needs a time frame (createdAfter or changedAfter) and valid parameters", async () => {
    const { accessToken } = await partnerAccessToken(sandbox, VENDOR_NA);
    const missing = await spapi<{ errors: { code: string }[] }>(sandbox, "na", "GET", "/vendor/orders/v1/purchaseOrders?limit=1", accessToken);
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0]?.code).toBe("InvalidInput");
    const badLimit = await spapi(sandbox, "na", "GET", `/vendor/orders/v1/purchaseOrders?limit=500&createdAfter=${isoHoursAgo(24)}`, accessToken);
    expect(badLimit.status).toBe(400);
    const badDate = await spapi(sandbox, "na", "GET", "/vendor/orders/v1/purchaseOrders?createdAfter=yesterday", accessToken);
    expect(badDate.status).toBe(400);
    const tooLong = await spapi(sandbox, "na", "GET", `/vendor/orders/v1/purchaseOrders?createdAfter=${isoHoursAgo(24 * 10)}&createdBefore=${isoHoursAgo(1)}`, accessToken);
    expect(tooLong.status).toBe(400);
  });

  it("lets the time-frame rule be switched off", async () => {
    const { accessToken } = await partnerAccessToken(sandbox, VENDOR_NA);
    await control(sandbox, "POST", "/config", { requirePurchaseOrderTimeFrame: false });
    expect((await spapi(sandbox, "na", "GET", "/vendor/orders/v1/purchaseOrders?limit=1", accessToken)).status).toBe(200);
  });

  it("returns deterministic purchase orders with pagination", async () => {
    const { accessToken } = await partnerAccessToken(sandbox, VENDOR_NA);
    type Page = { payload: { pagination?: { nextToken: string }; orders: { purchaseOrderNumber: string; orderDetails?: { sellingParty: { partyId: string } } }[] } };
    const all = await spapi<Page>(sandbox, "na", "GET", `/vendor/orders/v1/purchaseOrders?createdAfter=${isoHoursAgo(24 * 7)}`, accessToken);
    expect(all.status).toBe(200);
    expect(all.body.payload.orders.length).toBeGreaterThan(4);
    expect(new Set(all.body.payload.orders.map((order) => order.orderDetails?.sellingParty.partyId))).toEqual(new Set(["SBXNA1", "SBXNA2"]));
    const again = await spapi<Page>(sandbox, "na", "GET", `/vendor/orders/v1/purchaseOrders?createdAfter=${isoHoursAgo(24 * 7)}`, accessToken);
    expect(again.body).toEqual(all.body);

    const first = await spapi<Page>(sandbox, "na", "GET", `/vendor/orders/v1/purchaseOrders?limit=1&createdAfter=${isoHoursAgo(24 * 7)}`, accessToken);
    expect(first.body.payload.orders).toHaveLength(1);
    const nextToken = first.body.payload.pagination?.nextToken ?? "";
    const second = await spapi<Page>(sandbox, "na", "GET", `/vendor/orders/v1/purchaseOrders?limit=1&createdAfter=${isoHoursAgo(24 * 7)}&nextToken=${encodeURIComponent(nextToken)}`, accessToken);
    expect(second.body.payload.orders[0]?.purchaseOrderNumber).toBe(all.body.payload.orders[1]?.purchaseOrderNumber);

    const numbersOnly = await spapi<Page>(sandbox, "na", "GET", `/vendor/orders/v1/purchaseOrders?includeDetails=false&createdAfter=${isoHoursAgo(24 * 7)}&orderingVendorCode=SBXNA2`, accessToken);
    expect(numbersOnly.body.payload.orders.every((order) => order.orderDetails === undefined)).toBe(true);
  });
});

describe("Restricted Data Tokens", () => {
  const ORDER = "/orders/v0/orders/123-1234567-1234567";

  it("issues an RDT that opens getOrder, with the PII it asked for", async () => {
    const { accessToken } = await partnerAccessToken(sandbox, SELLER_NA);
    const rdt = await spapi<{ restrictedDataToken: string; expiresIn: number }>(sandbox, "na", "POST", "/tokens/2021-03-01/restrictedDataToken", accessToken, {
      restrictedResources: [{ method: "GET", path: "/orders/v0/orders/{orderId}", dataElements: ["buyerInfo", "shippingAddress"] }],
    });
    expect(rdt.status).toBe(200);
    expect(rdt.headers.get("x-amzn-ratelimit-limit")).toBe("1");
    expect(rdt.body.restrictedDataToken).toMatch(/^Atz\.sprdt\|/);
    expect(rdt.body.expiresIn).toBe(3600);
    const order = await spapi<{ payload: { AmazonOrderId: string; BuyerInfo?: unknown; ShippingAddress?: unknown } }>(sandbox, "na", "GET", ORDER, rdt.body.restrictedDataToken);
    expect(order.status).toBe(200);
    expect(order.body.payload.AmazonOrderId).toBe("123-1234567-1234567");
    expect(order.body.payload.BuyerInfo).toBeDefined();
    expect(order.body.payload.ShippingAddress).toBeDefined();
  });

  it("leaves out PII the RDT did not ask for", async () => {
    const { accessToken } = await partnerAccessToken(sandbox, SELLER_NA);
    const rdt = await spapi<{ restrictedDataToken: string }>(sandbox, "na", "POST", "/tokens/2021-03-01/restrictedDataToken", accessToken, { restrictedResources: [{ method: "GET", path: ORDER }] });
    const order = await spapi<{ payload: Record<string, unknown> }>(sandbox, "na", "GET", ORDER, rdt.body.restrictedDataToken);
    expect(order.status).toBe(200);
    expect(order.body.payload.BuyerInfo).toBeUndefined();
  });

  it("refuses getOrder with a plain access token, an RDT for another order, or an RDT on a non-restricted operation", async () => {
    const { accessToken } = await partnerAccessToken(sandbox, SELLER_NA);
    expect((await spapi(sandbox, "na", "GET", ORDER, accessToken)).body).toEqual(UNAUTHORIZED);
    const rdt = await spapi<{ restrictedDataToken: string }>(sandbox, "na", "POST", "/tokens/2021-03-01/restrictedDataToken", accessToken, { restrictedResources: [{ method: "GET", path: ORDER }] });
    expect((await spapi(sandbox, "na", "GET", "/orders/v0/orders/999-1234567-1234567", rdt.body.restrictedDataToken)).status).toBe(403);
    expect((await spapi(sandbox, "na", "GET", "/sellers/v1/account", rdt.body.restrictedDataToken)).status).toBe(403);
  });

  it("stops working after an hour", async () => {
    const { accessToken } = await partnerAccessToken(sandbox, SELLER_NA);
    const rdt = await spapi<{ restrictedDataToken: string }>(sandbox, "na", "POST", "/tokens/2021-03-01/restrictedDataToken", accessToken, { restrictedResources: [{ method: "GET", path: "/orders/v0/orders/{orderId}" }] });
    await control(sandbox, "POST", "/clock", { advanceMs: 3600 * 1000 - 1000 });
    expect((await spapi(sandbox, "na", "GET", ORDER, rdt.body.restrictedDataToken)).status).toBe(200);
    await control(sandbox, "POST", "/clock", { advanceMs: 1000 });
    expect((await spapi(sandbox, "na", "GET", ORDER, rdt.body.restrictedDataToken)).status).toBe(403);
  });

  it("stops working when the authorization is revoked", async () => {
    const { accessToken } = await partnerAccessToken(sandbox, SELLER_NA);
    const rdt = await spapi<{ restrictedDataToken: string }>(sandbox, "na", "POST", "/tokens/2021-03-01/restrictedDataToken", accessToken, { restrictedResources: [{ method: "GET", path: "/orders/v0/orders/{orderId}" }] });
    await control(sandbox, "POST", "/revoke", { sellingPartnerId: SELLER_NA });
    expect((await spapi(sandbox, "na", "GET", ORDER, rdt.body.restrictedDataToken)).body).toEqual(UNAUTHORIZED);
  });

  it.each([
    ["no resources", { restrictedResources: [] }],
    ["missing restrictedResources", { targetApplication: "x" }],
    ["51 resources", { restrictedResources: Array.from({ length: 51 }, () => ({ method: "GET", path: "/orders/v0/orders" })) }],
    ["a bad method", { restrictedResources: [{ method: "PATCH", path: "/orders/v0/orders" }] }],
    ["a non-restricted path", { restrictedResources: [{ method: "GET", path: "/sellers/v1/account" }] }],
    ["dataElements outside Orders", { restrictedResources: [{ method: "GET", path: "/orders/v0/orders/{orderId}/address", dataElements: ["buyerInfo"] }] }],
    ["an unknown dataElement", { restrictedResources: [{ method: "GET", path: "/orders/v0/orders", dataElements: ["creditCard"] }] }],
  ])("answers 400 InvalidInput for %s", async (_name, body) => {
    const { accessToken } = await partnerAccessToken(sandbox, SELLER_NA);
    const response = await spapi<{ errors: { code: string }[] }>(sandbox, "na", "POST", "/tokens/2021-03-01/restrictedDataToken", accessToken, body);
    expect(response.status).toBe(400);
    expect(response.body.errors[0]?.code).toBe("InvalidInput");
  });
});

describe("Notifications destinations (grantless)", () => {
  const ARN = "arn:aws:sqs:us-east-1:123456789012:latchkey-rotation";

  it("creates, lists, reads and deletes a destination", async () => {
    const token = await grantlessToken(sandbox, "sellingpartnerapi::notifications");
    const created = await spapi<{ payload: { destinationId: string; name: string; resource: { sqs: { arn: string } } } }>(sandbox, "na", "POST", "/notifications/v1/destinations", token, {
      name: "rotation",
      resourceSpecification: { sqs: { arn: ARN } },
    });
    expect(created.status).toBe(200);
    expect(created.body.payload).toMatchObject({ name: "rotation", resource: { sqs: { arn: ARN } } });
    const id = created.body.payload.destinationId;
    expect((await spapi<{ payload: unknown[] }>(sandbox, "na", "GET", "/notifications/v1/destinations", token)).body.payload).toHaveLength(1);
    expect((await spapi(sandbox, "na", "GET", `/notifications/v1/destinations/${id}`, token)).status).toBe(200);
    const deleted = await spapi(sandbox, "na", "DELETE", `/notifications/v1/destinations/${id}`, token);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({});
    expect((await spapi(sandbox, "na", "GET", `/notifications/v1/destinations/${id}`, token)).status).toBe(404);
  });

  it("validates the ARN and refuses duplicates", async () => {
    const token = await grantlessToken(sandbox, "sellingpartnerapi::notifications");
    const bad = await spapi<{ errors: { code: string }[] }>(sandbox, "na", "POST", "/notifications/v1/destinations", token, { name: "x", resourceSpecification: { sqs: { arn: "https://sqs.example/queue" } } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]?.code).toBe("InvalidInput");
    await spapi(sandbox, "na", "POST", "/notifications/v1/destinations", token, { name: "x", resourceSpecification: { sqs: { arn: ARN } } });
    expect((await spapi(sandbox, "na", "POST", "/notifications/v1/destinations", token, { name: "y", resourceSpecification: { sqs: { arn: ARN } } })).status).toBe(409);
  });

  it("needs the notifications scope", async () => {
    const rotation = await grantlessToken(sandbox, "sellingpartnerapi::client_credential:rotation");
    const { accessToken } = await partnerAccessToken(sandbox, SELLER_NA);
    expect((await spapi(sandbox, "na", "GET", "/notifications/v1/destinations", rotation)).body).toEqual(UNAUTHORIZED);
    expect((await spapi(sandbox, "na", "GET", "/notifications/v1/destinations", accessToken)).body).toEqual(UNAUTHORIZED);
  });

  it("answers an unknown destination with 404", async () => {
    const token = await grantlessToken(sandbox, "sellingpartnerapi::notifications");
    const response = await spapi<{ errors: { code: string }[] }>(sandbox, "na", "GET", "/notifications/v1/destinations/nope", token);
    expect(response.status).toBe(404);
    expect(response.body.errors[0]?.code).toBe("NotFound");
  });
});

describe("rate limits", () => {
  it("allows a burst of 15 marketplaceParticipations calls, then 429 QuotaExceeded, refilled at 0.016/s", async () => {
    const { accessToken } = await partnerAccessToken(sandbox, SELLER_NA);
    for (let i = 0; i < 15; i += 1) {
      expect((await spapi(sandbox, "na", "GET", "/sellers/v1/marketplaceParticipations", accessToken)).status).toBe(200);
    }
    const throttled = await spapi(sandbox, "na", "GET", "/sellers/v1/marketplaceParticipations", accessToken);
    expect(throttled.status).toBe(429);
    expect(throttled.body).toEqual({ errors: [{ code: "QuotaExceeded", message: "You exceeded your quota for the requested resource.", details: "" }] });
    expect(throttled.headers.get("x-amzn-ratelimit-limit")).toBe("0.016");
    expect(throttled.headers.get("x-amzn-requestid")).toMatch(UUID);
    // Buckets are per operation and per selling partner.
    expect((await spapi(sandbox, "na", "GET", "/sellers/v1/account", accessToken)).status).toBe(200);
    const other = await partnerAccessToken(sandbox, "A2SBXSELLERNA02");
    expect((await spapi(sandbox, "na", "GET", "/sellers/v1/marketplaceParticipations", other.accessToken)).status).toBe(200);
    // 1 / 0.016 = 62.5 s for one more token.
    await control(sandbox, "POST", "/clock", { advanceMs: 63_000 });
    expect((await spapi(sandbox, "na", "GET", "/sellers/v1/marketplaceParticipations", accessToken)).status).toBe(200);
    expect((await spapi(sandbox, "na", "GET", "/sellers/v1/marketplaceParticipations", accessToken)).status).toBe(429);
  });

  it("can be switched off", async () => {
    await control(sandbox, "POST", "/config", { rateLimits: false });
    const { accessToken } = await partnerAccessToken(sandbox, SELLER_NA);
    for (let i = 0; i < 20; i += 1) {
      expect((await spapi(sandbox, "na", "GET", "/sellers/v1/marketplaceParticipations", accessToken)).status).toBe(200);
    }
  });
});

describe("unknown routes", () => {
  it("answers 404 with Amazon's error body", async () => {
    const { accessToken } = await partnerAccessToken(sandbox, SELLER_NA);
    const response = await spapi<{ errors: { code: string }[] }>(sandbox, "na", "GET", "/unknown/2099-01-01/things", accessToken);
    expect(response.status).toBe(404);
    expect(response.body.errors[0]?.code).toBe("NotFound");
    expect(response.headers.get("x-amzn-requestid")).toMatch(UUID);
        expect((await fetch(`${sandbox.url}/spapi/xx/sellers/v1/account`, { headers: { "x-amz-access-token": accessToken } })).status).toBe(404);
  });
});
