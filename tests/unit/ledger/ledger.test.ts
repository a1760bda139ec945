import { describe, expect, it } from "vitest";
import { findOperationById } from "@/lib/amazon/catalog";
import { buildLedger } from "@/lib/ledger/ledger";
import { isRoleName } from "@/lib/roles/roles";
import { initialLedgerRows } from "../../support/initial-ledger";

// The ledger a fresh install starts with (its migration), read through the same snapshot every reader uses.
const ledger = buildLedger(initialLedgerRows());

describe("the roles ledger", () => {
  it("ships its initial entries with catalog operations and Amazon's role names", () => {
    expect(initialLedgerRows()).toHaveLength(4);
    for (const row of initialLedgerRows()) {
      expect(findOperationById(row.api, row.operationId), `${row.api}.${row.operationId}`).toBeDefined();
      for (const role of row.roles) expect(isRoleName(role), role).toBe(true);
    }
    expect(ledger.entries).toHaveLength(4);
  });

  it("takes each operation's method, path and restriction from the catalog", () => {
    for (const entry of ledger.entries) {
      const op = findOperationById(entry.api, entry.operation);
      expect({ method: entry.method, path: entry.path, restricted: entry.restricted }).toEqual({ method: op?.method, path: op?.path, restricted: op?.restricted });
    }
    expect(ledger.entries.find((entry) => entry.operation === "getOrder")).toMatchObject({ method: "GET", path: "/orders/v0/orders/{orderId}", restricted: true });
    expect(ledger.entries.find((entry) => entry.operation === "getPurchaseOrders")).toMatchObject({ method: "GET", path: "/vendor/orders/v1/purchaseOrders", restricted: false });
  });

  it("keeps what each partner kind is asked for and why", () => {
    expect(ledger.forKind("SELLER").map((entry) => entry.operation)).toEqual(["getMarketplaceParticipations", "getAccount", "getOrder"]);
    expect(ledger.forKind("VENDOR").map((entry) => entry.operation)).toEqual(["getPurchaseOrders"]);
    expect(ledger.requestedRoles("SELLER")).toEqual(["Selling Partner Insights", "Inventory and Order Tracking", "Direct to Consumer Shipping (Restricted)"]);
    expect(ledger.requestedRoles("VENDOR")).toEqual(["Inventory and Order Tracking", "Amazon Fulfillment"]);
    expect(ledger.forKind("SELLER")[0]?.reason).toBe("To check that the connection works and to record which marketplaces you sell in.");
    expect(ledger.includes("SELLER", "ordersV0", "getOrder")).toBe(true);
    expect(ledger.includes("VENDOR", "ordersV0", "getOrder")).toBe(false);
  });

  it("finds the operations a partner's granted roles do not cover", () => {
    expect(ledger.uncoveredOperations("SELLER", ["Selling Partner Insights"]).map((entry) => entry.operation)).toEqual(["getOrder"]);
    expect(ledger.uncoveredOperations("SELLER", ["Selling Partner Insights", "Direct to Consumer Shipping (Restricted)"])).toEqual([]);
    expect(ledger.uncoveredOperations("VENDOR", [])).toHaveLength(1);
  });

  it("leaves out a row naming an operation Amazon does not have, and roles Amazon does not have", () => {
    const odd = buildLedger([
      { id: "a", api: "sellers", operationId: "getNothing", roles: ["Selling Partner Insights"], partnerKinds: ["SELLER"], reason: "x" },
      { id: "b", api: "sellers", operationId: "getAccount", roles: ["Made Up Role", "Selling Partner Insights"], partnerKinds: ["SELLER"], reason: "x" },
      { id: "c", api: "ordersV0", operationId: "getOrder", roles: ["Made Up Role"], partnerKinds: ["SELLER"], reason: "x" },
    ]);
    expect(odd.entries.map((entry) => [entry.operation, entry.roles])).toEqual([["getAccount", ["Selling Partner Insights"]]]);
  });
});
