import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "../../../sandbox/server";
import { OPERATIONS } from "../../../sandbox/spapi/operations";
import { AmazonModels, amazonModelsAvailable, amazonModelsDir } from "./support/amazon-models";
import { control, grantlessToken, partnerAccessToken, SELLER_NA, spapi, startSandbox, VENDOR_NA, type JsonResponse } from "./support/sandbox-client";

const MODELS_DIR = amazonModelsDir();
const available = amazonModelsAvailable(MODELS_DIR);
if (!available) console.warn(`[contract] Amazon models not found at ${MODELS_DIR}; skipping the SP-API contract test (set AMAZON_MODELS_DIR).`);

/** Which model file declares each sandbox operation. */
const MODEL_FILE: Record<string, string> = {
  getMarketplaceParticipations: "sellers.json",
  getAccount: "sellers.json",
  getPurchaseOrders: "vendorOrders.json",
  createRestrictedDataToken: "tokens_2021-03-01.json",
  getOrder: "ordersV0.json",
  rotateApplicationClientSecret: "application_2023-11-30.json",
  getDestinations: "notifications.json",
  createDestination: "notifications.json",
  getDestination: "notifications.json",
  deleteDestination: "notifications.json",
};

const ARN = "arn:aws:sqs:us-east-1:123456789012:contract";
const ORDER_PATH = "/orders/v0/orders/123-1234567-1234567";

describe.skipIf(!available)("SP-API contract against Amazon's models", () => {
  let sandbox: Sandbox;
  let models: AmazonModels;
  let seller: string;
  let vendor: string;
  let rotation: string;
  let notifications: string;
  const covered = new Set<string>();

  beforeAll(async () => {
    models = new AmazonModels(MODELS_DIR);
    sandbox = await startSandbox({ rateLimits: false });
    seller = (await partnerAccessToken(sandbox, SELLER_NA)).accessToken;
    vendor = (await partnerAccessToken(sandbox, VENDOR_NA)).accessToken;
    rotation = await grantlessToken(sandbox, "sellingpartnerapi::client_credential:rotation");
    notifications = await grantlessToken(sandbox, "sellingpartnerapi::notifications");
  });
  afterAll(() => sandbox?.close());

  function conforms(operationId: string, expectedStatus: number, response: JsonResponse): void {
    const file = MODEL_FILE[operationId] ?? "";
    expect(response.status, JSON.stringify(response.body)).toBe(expectedStatus);
    expect(response.headers.get("x-amzn-requestid")).toBeTruthy();
    const result = models.validateResponse(file, operationId, expectedStatus, response.body);
    expect(result.valid, `${operationId} ${expectedStatus}: ${result.errors}\n${JSON.stringify(response.body)}`).toBe(true);
    covered.add(`${operationId} ${expectedStatus}`);
  }

  function requestConforms(operationId: string, body: unknown): void {
    const result = models.validateRequest(MODEL_FILE[operationId] ?? "", operationId, body);
    expect(result.valid, result.errors).toBe(true);
  }

  async function withFault<T>(operationId: string, kind: "5xx" | "429", status: number | undefined, call: () => Promise<T>): Promise<T> {
    await control(sandbox, "POST", "/faults", { route: `spapi:${operationId}`, kind, count: 1, ...(status ? { status } : {}) });
    return call();
  }

  async function rdt(): Promise<string> {
    const body = { restrictedResources: [{ method: "GET", path: "/orders/v0/orders/{orderId}", dataElements: ["buyerInfo", "shippingAddress"] }] };
    requestConforms("createRestrictedDataToken", body);
    const response = await spapi<{ restrictedDataToken: string }>(sandbox, "na", "POST", "/tokens/2021-03-01/restrictedDataToken", seller, body);
    return response.body.restrictedDataToken;
  }

  it("the validator itself rejects bodies that break the models", () => {
    expect(models.validateResponse("sellers.json", "getAccount", 200, { payload: { sellingPlan: "PROFESSIONAL", marketplaceParticipationList: [] } }).valid).toBe(false);
    expect(models.validateResponse("sellers.json", "getMarketplaceParticipations", 200, { payload: [], unexpected: true }).valid).toBe(false);
    expect(models.validateResponse("vendorOrders.json", "getPurchaseOrders", 200, { payload: { orders: [{ purchaseOrderNumber: "1", purchaseOrderState: "Lost" }] } }).valid).toBe(false);
    expect(models.validateResponse("application_2023-11-30.json", "rotateApplicationClientSecret", 204, {}).valid).toBe(false);
    expect(models.validateRequest("tokens_2021-03-01.json", "createRestrictedDataToken", { targetApplication: "x" }).valid).toBe(false);
  });

  const failures = [
    [500, "5xx"],
    [503, "5xx"],
    [429, "429"],
  ] as const;

  describe("Sellers API", () => {
    it.each(["getMarketplaceParticipations", "getAccount"])("%s: 200, 403 (missing and bad token), 429, 500, 503", async (operationId) => {
      const path = operationId === "getAccount" ? "/sellers/v1/account" : "/sellers/v1/marketplaceParticipations";
      conforms(operationId, 200, await spapi(sandbox, "na", "GET", path, seller));
      conforms(operationId, 403, await spapi(sandbox, "na", "GET", path, undefined));
      conforms(operationId, 403, await spapi(sandbox, "na", "GET", path, vendor));
      for (const [status, kind] of failures) conforms(operationId, status, await withFault(operationId, kind, status, () => spapi(sandbox, "na", "GET", path, seller)));
    });

    it("429 from the real token bucket conforms too", async () => {
      await control(sandbox, "POST", "/config", { rateLimits: true });
      const fresh = (await partnerAccessToken(sandbox, "A2SBXSELLERNA02")).accessToken;
      let last: JsonResponse | undefined;
      for (let i = 0; i < 16; i += 1) last = await spapi(sandbox, "na", "GET", "/sellers/v1/account", fresh);
      await control(sandbox, "POST", "/config", { rateLimits: false });
      conforms("getAccount", 429, last as JsonResponse);
    });
  });

  describe("Vendor Orders API", () => {
    const since = () => new Date(sandbox.state.now() - 6 * 24 * 3600 * 1000).toISOString();

    it("getPurchaseOrders: 200 (details, numbers only, paginated), 400, 403, 429, 500, 503", async () => {
      const base = "/vendor/orders/v1/purchaseOrders";
      conforms("getPurchaseOrders", 200, await spapi(sandbox, "na", "GET", `${base}?createdAfter=${since()}`, vendor));
      conforms("getPurchaseOrders", 200, await spapi(sandbox, "na", "GET", `${base}?createdAfter=${since()}&includeDetails=false&sortOrder=DESC`, vendor));
      conforms("getPurchaseOrders", 200, await spapi(sandbox, "na", "GET", `${base}?limit=1&createdAfter=${since()}`, vendor));
      conforms("getPurchaseOrders", 200, await spapi(sandbox, "na", "GET", `${base}?changedAfter=${since()}&purchaseOrderState=Closed&poItemState=Cancelled`, vendor));
      conforms("getPurchaseOrders", 400, await spapi(sandbox, "na", "GET", `${base}?limit=0`, vendor));
      conforms("getPurchaseOrders", 403, await spapi(sandbox, "na", "GET", `${base}?createdAfter=${since()}`, seller));
      for (const [status, kind] of failures) conforms("getPurchaseOrders", status, await withFault("getPurchaseOrders", kind, status, () => spapi(sandbox, "na", "GET", `${base}?createdAfter=${since()}`, vendor)));
    });
  });

  describe("Tokens API and the getOrder it unlocks", () => {
    it("createRestrictedDataToken: 200, 400, 403, 429, 500, 503", async () => {
      const body = { restrictedResources: [{ method: "GET", path: ORDER_PATH, dataElements: ["buyerInfo"] }], targetApplication: "amzn1.sp.solution.delegate" };
      requestConforms("createRestrictedDataToken", body);
      const path = "/tokens/2021-03-01/restrictedDataToken";
      conforms("createRestrictedDataToken", 200, await spapi(sandbox, "na", "POST", path, seller, body));
      conforms("createRestrictedDataToken", 400, await spapi(sandbox, "na", "POST", path, seller, { restrictedResources: [] }));
      conforms("createRestrictedDataToken", 400, await spapi(sandbox, "na", "POST", path, seller, { restrictedResources: [{ method: "GET", path: "/sellers/v1/account" }] }));
      conforms("createRestrictedDataToken", 403, await spapi(sandbox, "na", "POST", path, undefined, body));
      conforms("createRestrictedDataToken", 403, await spapi(sandbox, "na", "POST", path, notifications, body));
      for (const [status, kind] of failures) conforms("createRestrictedDataToken", status, await withFault("createRestrictedDataToken", kind, status, () => spapi(sandbox, "na", "POST", path, seller, body)));
    });

    it("getOrder: 200 (with and without PII), 403, 404, 429, 500, 503", async () => {
      const token = await rdt();
      conforms("getOrder", 200, await spapi(sandbox, "na", "GET", ORDER_PATH, token));
      const plain = await spapi<{ restrictedDataToken: string }>(sandbox, "na", "POST", "/tokens/2021-03-01/restrictedDataToken", seller, { restrictedResources: [{ method: "GET", path: ORDER_PATH }] });
      conforms("getOrder", 200, await spapi(sandbox, "na", "GET", ORDER_PATH, plain.body.restrictedDataToken));
      conforms("getOrder", 403, await spapi(sandbox, "na", "GET", ORDER_PATH, seller));
      conforms("getOrder", 404, await spapi(sandbox, "na", "GET", "/orders/v0/orders/not-an-order", token));
      for (const [status, kind] of failures) conforms("getOrder", status, await withFault("getOrder", kind, status, () => spapi(sandbox, "na", "GET", ORDER_PATH, token)));
    });
  });

  describe("Application Management API", () => {
    it("rotateApplicationClientSecret: 204, 400, 403, 429, 500, 503", async () => {
      const path = "/applications/2023-11-30/clientSecret";
      conforms("rotateApplicationClientSecret", 204, await spapi(sandbox, "na", "POST", path, rotation));
      conforms("rotateApplicationClientSecret", 403, await spapi(sandbox, "na", "POST", path, seller));
      conforms("rotateApplicationClientSecret", 403, await spapi(sandbox, "na", "POST", path, undefined));
      await control(sandbox, "POST", "/config", { rateLimits: true });
      conforms("rotateApplicationClientSecret", 204, await spapi(sandbox, "na", "POST", path, rotation));
      conforms("rotateApplicationClientSecret", 429, await spapi(sandbox, "na", "POST", path, rotation));
      await control(sandbox, "POST", "/config", { rateLimits: false });
      for (const [status, kind] of failures) conforms("rotateApplicationClientSecret", status, await withFault("rotateApplicationClientSecret", kind, status, () => spapi(sandbox, "na", "POST", path, rotation)));

      const app = await control<{ app: { clientId: string; clientSecrets: { value: string }[] } }>(sandbox, "POST", "/apps", {
        applicationId: "amzn1.sp.solution.contract-no-queue",
        redirectUris: ["https://x.example/cb"],
        notificationQueueEnrolled: false,
      });
      const token = await grantlessToken(sandbox, "sellingpartnerapi::client_credential:rotation", { client_id: app.body.app.clientId, client_secret: app.body.app.clientSecrets[0]?.value ?? "" });
      conforms("rotateApplicationClientSecret", 400, await spapi(sandbox, "na", "POST", path, token));
    });
  });

  describe("Notifications API destinations", () => {
    it("create / list / get / delete: 200, 400, 403, 404, 409, 429, 500, 503", async () => {
      const body = { name: "contract", resourceSpecification: { sqs: { arn: ARN } } };
      requestConforms("createDestination", body);
      const created = await spapi<{ payload: { destinationId: string } }>(sandbox, "na", "POST", "/notifications/v1/destinations", notifications, body);
      conforms("createDestination", 200, created);
      const id = created.body.payload.destinationId;
      conforms("createDestination", 409, await spapi(sandbox, "na", "POST", "/notifications/v1/destinations", notifications, body));
      conforms("createDestination", 400, await spapi(sandbox, "na", "POST", "/notifications/v1/destinations", notifications, { name: "bad", resourceSpecification: { sqs: { arn: "not-an-arn" } } }));
      conforms("createDestination", 403, await spapi(sandbox, "na", "POST", "/notifications/v1/destinations", seller, body));

      conforms("getDestinations", 200, await spapi(sandbox, "na", "GET", "/notifications/v1/destinations", notifications));
      conforms("getDestinations", 403, await spapi(sandbox, "na", "GET", "/notifications/v1/destinations", rotation));
      conforms("getDestination", 200, await spapi(sandbox, "na", "GET", `/notifications/v1/destinations/${id}`, notifications));
      conforms("getDestination", 404, await spapi(sandbox, "na", "GET", "/notifications/v1/destinations/unknown", notifications));
      conforms("getDestination", 403, await spapi(sandbox, "na", "GET", `/notifications/v1/destinations/${id}`, undefined));
      conforms("deleteDestination", 403, await spapi(sandbox, "na", "DELETE", `/notifications/v1/destinations/${id}`, seller));
      conforms("deleteDestination", 200, await spapi(sandbox, "na", "DELETE", `/notifications/v1/destinations/${id}`, notifications));
      conforms("deleteDestination", 404, await spapi(sandbox, "na", "DELETE", `/notifications/v1/destinations/${id}`, notifications));

      for (const operationId of ["getDestinations", "createDestination", "getDestination", "deleteDestination"]) {
        for (const [status, kind] of failures) {
          const call = () =>
            operationId === "getDestinations"
              ? spapi(sandbox, "na", "GET", "/notifications/v1/destinations", notifications)
              : operationId === "createDestination"
                ? spapi(sandbox, "na", "POST", "/notifications/v1/destinations", notifications, { ...body, name: `${status}` })
                : spapi(sandbox, "na", operationId === "getDestination" ? "GET" : "DELETE", "/notifications/v1/destinations/any", notifications);
          conforms(operationId, status, await withFault(operationId, kind, status, call));
        }
      }
    });
  });

  describe("routes outside the implemented operations", () => {
    it("answers an unknown path with an ErrorList body", async () => {
      const response = await spapi(sandbox, "na", "GET", "/unknown/2099-01-01/things", seller);
      expect(response.status).toBe(404);
      const result = models.validateDefinition("tokens_2021-03-01.json", "ErrorList", response.body);
      expect(result.valid, result.errors).toBe(true);
    });
  });

  it("covered a success and a 403 for every operation the sandbox implements", () => {
    for (const operation of OPERATIONS) {
      const success = operation.operationId === "rotateApplicationClientSecret" ? 204 : 200;
      expect(covered.has(`${operation.operationId} ${success}`), `${operation.operationId} ${success}`).toBe(true);
      expect(covered.has(`${operation.operationId} 403`), `${operation.operationId} 403`).toBe(true);
      expect(MODEL_FILE[operation.operationId], operation.operationId).toBeDefined();
    }
  });
});
