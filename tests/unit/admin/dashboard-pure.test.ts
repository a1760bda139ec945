// The admin pages' pure parts: URL filters (lenient parse, shareable query), CSV cells, health wording.
import { describe, expect, it } from "vitest";
import { auditOutcome } from "@/lib/audit/audit-entry-copy";
import { describeProblems } from "@/lib/dashboard/describe-health";
import { parseAuditFilters, parseAuditFiltersStrict } from "@/lib/audit/audit-filters";
import { csvCell, csvRow } from "@/lib/audit/csv";
import { dashboardQuery, parseDashboardFilters } from "@/lib/tenants/list-filters";

describe("dashboard filters in the URL", () => {
  it("round-trips through the query string, leaving defaults out", () => {
    const filters = parseDashboardFilters({ q: " acme ", status: "REVOKED", kind: "VENDOR", region: "EU", renewalDays: "30", failing: "1", inactive: "on", sort: "name", page: "3" });
    expect(filters).toEqual({ q: "acme", status: "REVOKED", kind: "VENDOR", region: "EU", renewalDays: 30, failing: true, inactive: true, sort: "name", page: 3 });
    expect(parseDashboardFilters(Object.fromEntries(new URLSearchParams(dashboardQuery(filters))))).toEqual(filters);
    expect(dashboardQuery(parseDashboardFilters({}))).toBe("");
  });

  it("drops values it does not know, and a changed filter goes back to page 1", () => {
    const filters = parseDashboardFilters({ status: "HACKED", region: ["EU", "NA"], page: "100000", renewalDays: "x", sort: "" });
    expect(filters).toEqual({ region: "EU", inactive: false, failing: false, sort: "newest", page: 1 });
    expect(dashboardQuery({ ...filters, page: 4 }, { failing: true })).toBe("?region=EU&failing=1");
    expect(dashboardQuery({ ...filters, page: 4 }, { page: 5 })).toBe("?region=EU&page=5");
  });
});

describe("audit filters", () => {
  it("reads leniently on the page and strictly for the export", () => {
    expect(parseAuditFilters({ action: "authorization.*", actor: "ROBOT", from: "2026-12-01", before: "12" })).toEqual({ action: "authorization.*", from: "2026-12-01", before: "12" });
    expect(() => parseAuditFiltersStrict(new URLSearchParams("actor=ROBOT"))).toThrow();
    expect(() => parseAuditFiltersStrict(new URLSearchParams("action=x;drop"))).toThrow();
    expect(parseAuditFiltersStrict(new URLSearchParams("actor=ADMIN&tenant="))).toEqual({ actor: "ADMIN" });
  });
});

describe("CSV", () => {
  it("quotes what needs quoting and defuses spreadsheet formulas", () => {
    expect(csvCell('say "hi", then\nleave')).toBe('"say ""hi"", then\nleave"');
    expect(csvCell("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(csvCell("-1+1")).toBe("'-1+1");
    expect(csvCell(null)).toBe("");
    expect(csvCell(new Date("2026-12-01T00:00:00Z"))).toBe("2026-12-01T00:00:00.000Z");
    expect(csvRow(["a", 1, true, undefined])).toBe("a,1,true,\r\n");
  });
});

describe("health wording", () => {
  it("says what is wrong in plain words, most important first", () => {
    expect(describeProblems({ status: "ACTIVE", consecutiveFailures: 0, lastRefreshError: null, lastConnectivityOk: true, lastConnectivityAt: new Date() })).toEqual([]);
    expect(describeProblems({ status: "ACTIVE", consecutiveFailures: 2, lastRefreshError: "invalid_client", lastConnectivityOk: false, lastConnectivityAt: new Date(), tenantQuarantinedAt: new Date() })).toEqual([
      "Token issuance is paused for the whole tenant",
      "2 token refreshes failed in a row",
      "Amazon rejected the app's own client credentials",
      "The last connection test failed",
    ]);
  });
});

describe("audit outcomes", () => {
  it("reads a test's or a refresh's result from its details, and nothing from other events", () => {
    expect(auditOutcome("authorization.connectivity_tested", { ok: false, failure: "access_denied" })).toBe("failed: access denied");
    expect(auditOutcome("authorization.connectivity_tested", { ok: true })).toBe("passed");
    expect(auditOutcome("authorization.token_refreshed", { ok: true, expiresAt: "x" })).toBe("new token");
    expect(auditOutcome("authorization.revoked", { ok: false })).toBeNull();
  });
});
