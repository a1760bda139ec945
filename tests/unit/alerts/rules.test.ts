import { describe, expect, it } from "vitest";
import { driftingOperations, windowStart } from "@/lib/alerts/rules";
import { buildLedger } from "@/lib/ledger/ledger";
import { initialLedgerRows } from "../../support/initial-ledger";

const ledger = buildLedger(initialLedgerRows());

describe("scope drift", () => {
  it("flags operations missing from the ledger and those whose role was not granted, never Latchkey's own", () => {
    const granted = ["Inventory and Order Tracking"];
    expect(driftingOperations(ledger, "SELLER", granted, ["getOrder", "getOrders", "getMarketplaceParticipations", "lwa.refreshToken", "createRestrictedDataToken", "getOrders"])).toEqual({
      notInLedger: ["getOrders"],
      notGranted: ["getMarketplaceParticipations"],
    });
  });

  it("treats a seller operation called for a vendor as outside the vendor's ledger", () => {
    expect(driftingOperations(ledger, "VENDOR", ["Inventory and Order Tracking"], ["getPurchaseOrders", "getOrder"])).toEqual({ notInLedger: ["getOrder"], notGranted: [] });
  });
});

describe("rolling window", () => {
  it("starts at the first minute bucket that overlaps the window", () => {
    expect(windowStart(new Date("2026-12-01T08:07:30.000Z"), 5).toISOString()).toBe("2026-12-01T08:02:00.000Z");
    expect(windowStart(new Date("2026-12-01T08:07:00.000Z"), 5).toISOString()).toBe("2026-12-01T08:02:00.000Z");
  });
});
