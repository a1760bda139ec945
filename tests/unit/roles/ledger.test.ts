import { describe, expect, it } from "vitest";
import { findOperationById } from "@/lib/amazon/catalog";
import { LEDGER, ledgerFor, requestedRoles, uncoveredOperations } from "@/lib/roles/ledger";

describe("the roles ledger", () => {
  it("takes each operation's method, path and restriction from the catalog", () => {
    for (const entry of LEDGER) {
      const op = findOperationById(entry.api, entry.operation);
      expect(op, `${entry.api}.${entry.operation}`).toBeDefined();
      expect({ method: entry.method, path: entry.path, restricted: entry.restricted }).toEqual({ method: op?.method, path: op?.path, restricted: op?.restricted });
    }
    expect(LEDGER.find((entry) => entry.operation === "getOrder")).toMatchObject({ method: "GET", path: "/orders/v0/orders/{orderId}", restricted: true });
    expect(LEDGER.find((entry) => entry.operation === "getPurchaseOrders")).toMatchObject({ method: "GET", path: "/vendor/orders/v1/purchaseOrders", restricted: false });
  });

  it("keeps what each partner kind is asked for and why", () => {
    expect(ledgerFor("SELLER").map((entry) => entry.operation)).toEqual(["getMarketplaceParticipations", "getAccount", "getOrder"]);
    expect(ledgerFor("VENDOR").map((entry) => entry.operation)).toEqual(["getPurchaseOrders"]);
    expect(requestedRoles("SELLER")).toEqual(["Selling Partner Insights", "Inventory and Order Tracking", "Direct-to-Consumer Shipping (Restricted)"]);
    expect(requestedRoles("VENDOR")).toEqual(["Inventory and Order Tracking", "Amazon Fulfillment"]);
    expect(ledgerFor("SELLER")[0]?.purpose).toBe("To check that the connection works and to record which marketplaces you sell in.");
  });

  it("finds the operations a partner's granted roles do not cover", () => {
    expect(uncoveredOperations("SELLER", ["Selling Partner Insights"]).map((entry) => entry.operation)).toEqual(["getOrder"]);
    expect(uncoveredOperations("SELLER", ["Selling Partner Insights", "Direct-to-Consumer Shipping (Restricted)"])).toEqual([]);
    expect(uncoveredOperations("VENDOR", [])).toHaveLength(1);
  });
});
