import { describe, expect, it } from "vitest";
import { describeAuditDetails, detailLabel } from "@/lib/audit/describe-audit-details";

describe("describeAuditDetails", () => {
  it("turns a connection test's checks into one readable line instead of JSON", () => {
    const lines = describeAuditDetails({
      ok: false,
      checks: [
        { id: "token", ok: true },
        { id: "marketplaces", ok: false, status: 403 },
      ],
      sellingPartnerId: "A2EXAMPLE",
    });
    expect(lines).toEqual([
      { label: "Outcome", value: "failed" },
      { label: "Checks", value: "token ok · marketplaces failed (status 403)" },
      { label: "Selling partner ID", value: "A2EXAMPLE" },
    ]);
    expect(lines.map((l) => l.value).join(" ")).not.toMatch(/[{}"[\]]/);
  });

  it("leaves empty values out and says 'none' for an empty list", () => {
    expect(describeAuditDetails({ reason: "", roles: [], note: null, count: 0 })).toEqual([
      { label: "Roles", value: "none" },
      { label: "Count", value: "0" },
    ]);
    expect(describeAuditDetails({})).toEqual([]);
    expect(describeAuditDetails(null)).toEqual([]);
  });

  it("reads nested records as key/value text", () => {
    expect(describeAuditDetails({ previous: { status: "ACTIVE", renewalDueAt: "2027-01-01" } })).toEqual([{ label: "Previous", value: "status ACTIVE, renewal due at 2027-01-01" }]);
  });

  it("makes keys into words", () => {
    expect(detailLabel("authorizationId")).toBe("Authorization ID");
    expect(detailLabel("last_refresh_error")).toBe("Last refresh error");
    expect(detailLabel("tenantIds")).toBe("Tenant IDs");
  });
});
