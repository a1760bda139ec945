import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CATALOG_OPERATIONS, findOperation, findOperationById } from "@/lib/amazon/catalog";
import { DEFAULT_MODELS_DIR, generateCatalog, serializeCatalog } from "@/lib/amazon/catalog/generate-catalog";

const modelsDir = path.resolve(process.env.AMAZON_MODELS_DIR ?? DEFAULT_MODELS_DIR);
const committedFile = path.resolve(import.meta.dirname, "../../../lib/amazon/catalog/operations.generated.json");

describe("the committed SP-API catalog", () => {
  const haveModels = existsSync(modelsDir);
  const title = haveModels ? "is what npm run amazon:catalog makes from the models now" : `is not checked against the models: none at ${modelsDir} (set AMAZON_MODELS_DIR)`;
  it.skipIf(!haveModels)(title, () => {
    const fresh = serializeCatalog(generateCatalog(modelsDir));
    expect(readFileSync(committedFile, "utf8") === fresh, "lib/amazon/catalog/operations.generated.json is stale: run npm run amazon:catalog").toBe(true);
  });

  it("has every model operation once, each with its API, version, method, template and operationId", () => {
    expect(CATALOG_OPERATIONS.length).toBeGreaterThan(350);
    expect(new Set(CATALOG_OPERATIONS.map((op) => op.key)).size).toBe(CATALOG_OPERATIONS.length);
    expect(findOperationById("sellers", "getMarketplaceParticipations")).toMatchObject({ apiTitle: "The Selling Partner API for Sellers", version: "v1", method: "GET", path: "/sellers/v1/marketplaceParticipations" });
  });
});

describe("operation facts", () => {
  it("reads the default usage plan from the description's table", () => {
    expect(findOperationById("ordersV0", "getOrders")?.usagePlan).toEqual({ rate: 0.0167, burst: 20 });
    expect(findOperationById("tokens_2021-03-01", "createRestrictedDataToken")?.usagePlan).toEqual({ rate: 1, burst: 10 });
    // The `| Plan type | Rate | Burst |` form: the Default row.
    expect(findOperationById("definitionsProductTypes_2020-09-01", "searchDefinitionsProductTypes")?.usagePlan).toEqual({ rate: 5, burst: 10 });
    // Amazon's `| n | n |` placeholder and models without a table give no plan.
    expect(findOperationById("fulfillmentInbound_2024-03-20", "cancelSelfShipAppointment")?.usagePlan).toBeNull();
    expect(findOperationById("supplySources_2020-07-01", "getSupplySources")?.usagePlan).toBeNull();
  });

  it("marks the operations of Amazon's Tokens API list restricted, with their data elements", () => {
    expect(findOperationById("ordersV0", "getOrderAddress")).toMatchObject({ restricted: true, dataElements: [] });
    expect(findOperationById("ordersV0", "getOrder")).toMatchObject({ restricted: true, dataElements: ["buyerInfo", "shippingAddress", "buyerTaxInformation"] });
    expect(findOperationById("reports_2021-06-30", "getReportDocument")).toMatchObject({ restricted: true, specificPathOnly: true });
    expect(findOperationById("vendorDirectFulfillmentShipping_2021-12-28", "createShippingLabels")?.restricted).toBe(true);
    expect(findOperationById("merchantFulfillmentV0", "cancelShipmentOld")).toMatchObject({ restricted: true, method: "PUT", path: "/mfn/v0/shipments/{shipmentId}/cancel", source: "documentation" });
    expect(findOperationById("tokens_2021-03-01", "createRestrictedDataToken")?.restricted).toBe(false);
    expect(findOperationById("sellers", "getMarketplaceParticipations")?.restricted).toBe(false);
  });

  it("marks grantless operations with their client_credentials scope", () => {
    expect(findOperationById("application_2023-11-30", "rotateApplicationClientSecret")?.grantlessScope).toBe("sellingpartnerapi::client_credential:rotation");
    for (const id of ["getDestinations", "createDestination", "getDestination", "deleteDestination"]) {
      expect(findOperationById("notifications", id)?.grantlessScope).toBe("sellingpartnerapi::notifications");
    }
    expect(findOperationById("notifications", "createSubscription")?.grantlessScope).toBeNull();
  });

  it("carries the roles Amazon maps to an operation, null where the mapping is not encoded", () => {
    expect(findOperationById("vendorOrders", "getPurchaseOrders")).toMatchObject({ roles: [{ name: "Amazon Fulfillment" }, { name: "Inventory and Order Tracking" }], rolesComplete: true });
    expect(findOperationById("sellers", "getAccount")?.roles).toEqual([
      { name: "Account Information Service Provider", regions: ["EU"] },
      { name: "Finance and Accounting", regions: ["EU"] },
    ]);
    expect(findOperationById("notifications", "getDestinations")?.roles).toEqual([]);
    expect(CATALOG_OPERATIONS.some((op) => op.roles === null)).toBe(true);
  });
});

describe("findOperation", () => {
  it("resolves a concrete path to its template", () => {
    expect(findOperation("GET", "/orders/v0/orders/123-4567890-1234567/address")?.operationId).toBe("getOrderAddress");
    expect(findOperation("get", "/orders/v0/orders/123-4567890-1234567")?.operationId).toBe("getOrder");
    expect(findOperation("GET", "/orders/v0/orders?MarketplaceIds=ATVPDKIKX0DER")?.operationId).toBe("getOrders");
    expect(findOperation("GET", "/orders/v0/orders/{orderId}/orderItems/buyerInfo")?.operationId).toBe("getOrderItemsBuyerInfo");
  });

  it("tells a literal segment from a placeholder in the same place", () => {
    expect(findOperation("POST", "/fba/outbound/2020-07-01/fulfillmentOrders/preview")?.operationId).toBe("getFulfillmentPreview");
    expect(findOperation("GET", "/fba/outbound/2020-07-01/fulfillmentOrders/preview")?.operationId).toBe("getFulfillmentOrder");
  });

  it("tells methods apart on one path", () => {
    expect(findOperation("GET", "/mfn/v0/shipments/abc")?.operationId).toBe("getShipment");
    expect(findOperation("DELETE", "/mfn/v0/shipments/abc")?.operationId).toBe("cancelShipment");
  });

  it("knows no unknown path, extra segment, missing segment or wrong method", () => {
    expect(findOperation("GET", "/orders/v9/orders")).toBeUndefined();
    expect(findOperation("GET", "/orders/v0/orders/1/address/extra")).toBeUndefined();
    expect(findOperation("GET", "/orders/v0")).toBeUndefined();
    expect(findOperation("PATCH", "/sellers/v1/marketplaceParticipations")).toBeUndefined();
    expect(findOperation("GET", "/")).toBeUndefined();
  });
});
