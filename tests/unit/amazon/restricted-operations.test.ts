import { describe, expect, it } from "vitest";
import { findRestrictedOperation, RESTRICTED_OPERATIONS } from "@/lib/amazon/restricted-operations";
import { restrictedResourcesInput } from "@/lib/amazon/tokens-api";

describe("restricted operations", () => {
  it("are the catalog's, including Direct Fulfillment, createShippingLabels and cancelShipmentOld", () => {
    expect(findRestrictedOperation("GET", "/vendor/directFulfillment/orders/v1/purchaseOrders/PO123")?.operation).toBe("getOrder");
    expect(findRestrictedOperation("GET", "/vendor/directFulfillment/shipping/v1/packingSlips")?.operation).toBe("getPackingSlips");
    expect(findRestrictedOperation("POST", "/vendor/directFulfillment/shipping/2021-12-28/shippingLabels/PO123")?.operation).toBe("createShippingLabels");
    expect(findRestrictedOperation("PUT", "/mfn/v0/shipments/S1/cancel")?.operation).toBe("cancelShipmentOld");
    expect(findRestrictedOperation("GET", "/sellers/v1/account")).toBeUndefined();
    expect(RESTRICTED_OPERATIONS.length).toBeGreaterThanOrEqual(30);
  });

  it("keep data elements to the Orders operations that take them", () => {
    expect(findRestrictedOperation("GET", "/orders/v0/orders")?.dataElements).toEqual(["buyerInfo", "shippingAddress", "buyerTaxInformation"]);
    expect(findRestrictedOperation("GET", "/orders/v0/orders/{orderId}/orderItems")?.dataElements).toEqual(["buyerInfo"]);
    expect(findRestrictedOperation("GET", "/orders/v0/orders/1/address")?.dataElements).toBeUndefined();
  });
});

describe("an RDT request's validation", () => {
  const validate = (method: string, path: string) => restrictedResourcesInput.safeParse({ restrictedResources: [{ method, path }] }).success;

  it("now accepts operations the hand-written list missed", () => {
    expect(validate("POST", "/vendor/directFulfillment/shipping/2021-12-28/shippingLabels/PO123")).toBe(true);
    expect(validate("PUT", "/mfn/v0/shipments/S1/cancel")).toBe(true);
    expect(validate("GET", "/vendor/directFulfillment/orders/v1/purchaseOrders")).toBe(true);
    expect(validate("GET", "/vendor/directFulfillment/shipping/v1/customerInvoices/PO9")).toBe(true);
  });

  it("still refuses operations that need no RDT, and unknown paths", () => {
    expect(validate("GET", "/sellers/v1/marketplaceParticipations")).toBe(false);
    expect(validate("GET", "/orders/v0/nothing-here")).toBe(false);
  });
});
