import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Sandbox } from "../../../sandbox/server";
import { generatedOperations, type SandboxExample } from "../../../sandbox/spapi/generic/operations-file";
import { control, grantlessToken, partnerAccessToken, SELLER_NA, SELLER_NA_2, spapi, startSandbox, VENDOR_NA } from "./support/sandbox-client";

const UNAUTHORIZED = { errors: [{ code: "Unauthorized", message: "Access to requested resource is denied.", details: "" }] };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The model's static examples of an operation, from the generated file the sandbox serves. */
function examplesOf(method: string, path: string): SandboxExample[] {
  const operation = generatedOperations().find((candidate) => candidate.method === method && candidate.path === path);
  if (!operation) throw new Error(`${method} ${path} is not in the generated operations`);
  return operation.examples;
}

function withQuery(path: string, query: Record<string, string> | undefined): string {
  return query ? `${path}?${new URLSearchParams(query).toString()}` : path;
}

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => control(sandbox, "POST", "/reset"));

const CATALOG_ITEM = "/catalog/2022-04-01/items/{asin}";
const DF_ORDERS = "/vendor/directFulfillment/orders/v1/purchaseOrders";
const DF_ACKNOWLEDGEMENTS = "/vendor/directFulfillment/orders/v1/acknowledgements";

describe("operations only the generic dispatcher serves", () => {
  it("answers getCatalogItem with the model's example for its parameters, with Amazon's headers", async () => {
    const [success] = examplesOf("GET", CATALOG_ITEM);
    const { accessToken } = await partnerAccessToken(sandbox, SELLER_NA);
    const response = await spapi(sandbox, "na", "GET", withQuery(`/catalog/2022-04-01/items/${success?.request.path?.asin}`, success?.request.query), accessToken);
    expect(response.status).toBe(200);
    expect(response.body).toEqual(success?.response);
    expect(response.headers.get("x-amzn-requestid")).toMatch(UUID);
    expect(response.headers.get("x-amzn-ratelimit-limit")).toBe("2");
  });

  it("answers a request no example describes with the first success example", async () => {
    const [success] = examplesOf("GET", CATALOG_ITEM);
    const { accessToken } = await partnerAccessToken(sandbox, SELLER_NA);
    const response = await spapi<{ asin: string }>(sandbox, "na", "GET", "/catalog/2022-04-01/items/B000SANDBOX?marketplaceIds=ATVPDKIKX0DER", accessToken);
    expect(response.status).toBe(200);
    expect(response.body).toEqual(success?.response);
  });

  it("needs an RDT for a restricted Direct Fulfillment operation, then answers the example its query names", async () => {
    const examples = examplesOf("GET", DF_ORDERS);
    const { accessToken } = await partnerAccessToken(sandbox, VENDOR_NA);
    expect((await spapi(sandbox, "na", "GET", DF_ORDERS, accessToken)).body).toEqual(UNAUTHORIZED);

    const rdt = await spapi<{ restrictedDataToken: string }>(sandbox, "na", "POST", "/tokens/2021-03-01/restrictedDataToken", accessToken, { restrictedResources: [{ method: "GET", path: DF_ORDERS }] });
    expect(rdt.status).toBe(200);
    const third = examples[2];
    const named = await spapi(sandbox, "na", "GET", withQuery(DF_ORDERS, third?.request.query), rdt.body.restrictedDataToken);
    expect(named.status).toBe(200);
    expect(named.body).toEqual(third?.response);
    expect(named.headers.get("x-amzn-ratelimit-limit")).toBe("10");

    const unparameterized = examples.find((example) => Object.keys(example.request).length === 0);
    expect((await spapi(sandbox, "na", "GET", DF_ORDERS, rdt.body.restrictedDataToken)).body).toEqual(unparameterized?.response);
  });

  it("matches a POST body against the examples' bodies", async () => {
    const [accepted, , rejected] = examplesOf("POST", DF_ACKNOWLEDGEMENTS);
    const { accessToken } = await partnerAccessToken(sandbox, VENDOR_NA);
    const ok = await spapi(sandbox, "na", "POST", DF_ACKNOWLEDGEMENTS, accessToken, accepted?.request.body);
    expect(ok.status).toBe(202);
    expect(ok.body).toEqual(accepted?.response);
    const invalid = await spapi(sandbox, "na", "POST", DF_ACKNOWLEDGEMENTS, accessToken, rejected?.request.body);
    expect(invalid.status).toBe(400);
    expect(invalid.body).toEqual(rejected?.response);
  });

  it("answers 404 NotFound for an operation whose model has no static example, still under its usage plan", async () => {
    const { accessToken } = await partnerAccessToken(sandbox, SELLER_NA);
    const response = await spapi<{ errors: { code: string }[] }>(sandbox, "na", "GET", "/fba/inventory/v1/summaries?granularityType=Marketplace&granularityId=ATVPDKIKX0DER&marketplaceIds=ATVPDKIKX0DER", accessToken);
    expect(response.status).toBe(404);
    expect(response.body.errors[0]?.code).toBe("NotFound");
    expect(response.headers.get("x-amzn-ratelimit-limit")).toBe("2");
  });

  it("takes grantless tokens for operations the model calls grantless, and refuses partner tokens there", async () => {
    const [success] = examplesOf("GET", "/notifications/v1/subscriptions/{notificationType}/{subscriptionId}");
    const grantless = await grantlessToken(sandbox, "sellingpartnerapi::notifications");
    const path = "/notifications/v1/subscriptions/ANY_OFFER_CHANGED/7fcacc7e-727b-11e9-8848-1681be663d3e";
    const response = await spapi(sandbox, "na", "GET", path, grantless);
    expect(response.status).toBe(200);
    expect(response.body).toEqual(success?.response);
    const { accessToken } = await partnerAccessToken(sandbox, SELLER_NA);
    expect((await spapi(sandbox, "na", "GET", path, accessToken)).body).toEqual(UNAUTHORIZED);
  });

  it("refuses a seller's token on vendor APIs", async () => {
    const { accessToken } = await partnerAccessToken(sandbox, SELLER_NA);
    expect((await spapi(sandbox, "na", "POST", DF_ACKNOWLEDGEMENTS, accessToken, {})).body).toEqual(UNAUTHORIZED);
  });
});

describe("usage plans", () => {
  it("answers 429 QuotaExceeded after the model's burst, per selling partner, until the bucket refills", async () => {
    const one = await partnerAccessToken(sandbox, SELLER_NA);
    const two = await partnerAccessToken(sandbox, SELLER_NA_2);
    const path = "/catalog/2022-04-01/items/B07N4M94X4?marketplaceIds=ATVPDKIKX0DER";
    for (let i = 0; i < 2; i += 1) expect((await spapi(sandbox, "na", "GET", path, one.accessToken)).status).toBe(200);
    const throttled = await spapi(sandbox, "na", "GET", path, one.accessToken);
    expect(throttled.status).toBe(429);
    expect(throttled.body).toEqual({ errors: [{ code: "QuotaExceeded", message: "You exceeded your quota for the requested resource.", details: "" }] });
    expect(throttled.headers.get("x-amzn-ratelimit-limit")).toBe("2");
    expect((await spapi(sandbox, "na", "GET", path, two.accessToken)).status).toBe(200);

    sandbox.state.advanceClock(500);
    expect((await spapi(sandbox, "na", "GET", path, one.accessToken)).status).toBe(200);
  });
});

describe("roles", () => {
  async function grantOnly(sellingPartnerId: string, roles: string[], account: Record<string, unknown>): Promise<void> {
    const response = await control(sandbox, "POST", "/accounts", { sellingPartnerId, ...account, roles });
    expect(response.status).toBe(200);
  }

  it("answers 403 Unauthorized for an operation whose roles the partner did not grant", async () => {
    await grantOnly(SELLER_NA_2, ["Pricing"], { name: "Sandbox Seller NA 2", type: "seller", marketplaces: ["ATVPDKIKX0DER", "A2Q3Y263D00KWC"] });
    const { accessToken } = await partnerAccessToken(sandbox, SELLER_NA_2);
    const catalog = await spapi(sandbox, "na", "GET", "/catalog/2022-04-01/items/B07N4M94X4", accessToken);
    expect(catalog.status).toBe(403);
    expect(catalog.body).toEqual(UNAUTHORIZED);
    expect(catalog.headers.get("x-amzn-ratelimit-limit")).toBe("2");
    expect((await spapi(sandbox, "na", "GET", "/products/pricing/v0/price?MarketplaceId=ATVPDKIKX0DER&ItemType=Asin", accessToken)).status).toBe(200);
    expect((await spapi(sandbox, "na", "GET", "/sellers/v1/marketplaceParticipations", accessToken)).status).toBe(200);
  });

  it("applies to the hand-written operations too", async () => {
    await grantOnly(VENDOR_NA, ["Product Listing"], { name: "Sandbox Vendor Group NA 1", type: "vendor", region: "NA", vendorCodes: ["SBXNA1", "SBXNA2"] });
    const { accessToken } = await partnerAccessToken(sandbox, VENDOR_NA);
    const createdAfter = new Date(sandbox.state.now() - 24 * 3600 * 1000).toISOString();
    expect((await spapi(sandbox, "na", "GET", `/vendor/orders/v1/purchaseOrders?createdAfter=${createdAfter}`, accessToken)).body).toEqual(UNAUTHORIZED);
  });
});

describe("routing", () => {
  it("keeps the hand-written handlers for their operations", async () => {
    const { accessToken } = await partnerAccessToken(sandbox, SELLER_NA);
    const participations = await spapi<{ payload: { storeName: string }[] }>(sandbox, "na", "GET", "/sellers/v1/marketplaceParticipations", accessToken);
    expect(participations.body.payload[0]?.storeName).toBe("Sandbox Store NA 1");

    const order = "/orders/v0/orders/123-1234567-1234567";
    const rdt = await spapi<{ restrictedDataToken: string }>(sandbox, "na", "POST", "/tokens/2021-03-01/restrictedDataToken", accessToken, { restrictedResources: [{ method: "GET", path: order }] });
    const answer = await spapi<{ payload: { AmazonOrderId: string } }>(sandbox, "na", "GET", order, rdt.body.restrictedDataToken);
    expect(answer.body.payload.AmazonOrderId).toBe("123-1234567-1234567");
  });

  it("answers 404 NotFound for a path or method no model declares", async () => {
    const { accessToken } = await partnerAccessToken(sandbox, SELLER_NA);
    for (const [method, path] of [
      ["GET", "/catalog/2099-01-01/items/B07N4M94X4"],
      ["DELETE", "/catalog/2022-04-01/items/B07N4M94X4"],
    ] as const) {
      const response = await spapi(sandbox, "na", method, path, accessToken);
      expect(response.status).toBe(404);
      expect(response.body).toEqual({ errors: [{ code: "NotFound", message: "The requested resource was not found.", details: "" }] });
      expect(response.headers.get("x-amzn-requestid")).toMatch(UUID);
    }
  });
});
