import { describe, expect, it } from "vitest";
import { checkChargeMethod, checkClientSecret, checkRoles, checkToken, checkVendorLink, worst, type AuthorizationState } from "@/lib/health/checks";
import { buildLedger } from "@/lib/ledger/ledger";
import { initialLedgerRows } from "../../support/initial-ledger";

const now = new Date("2026-12-01T08:00:00.000Z");
const day = 86_400_000;
const t = { refreshFailures: 2, renewalDays: 7, clientSecretDays: 14, chargeMethodDays: 30 };
const healthy: AuthorizationState = {
  status: "ACTIVE",
  statusReason: null,
  kind: "SELLER",
  sellingPartnerId: "A2SELLER",
  roles: ["Selling Partner Insights", "Inventory and Order Tracking"],
  hasRefreshToken: true,
  tenantQuarantined: false,
  consecutiveFailures: 0,
  lastRefreshError: null,
  lastConnectivityOk: true,
  renewalDueAt: new Date(now.getTime() + 300 * day),
};

describe("token check", () => {
  it("is ok for an active, refreshing authorization", () => {
    expect(checkToken(healthy, now, t).status).toBe("ok");
  });

  it("warns after one failed refresh or a renewal due soon, fails at the alert threshold or when overdue", () => {
    expect(checkToken({ ...healthy, consecutiveFailures: 1, lastRefreshError: "server_error" }, now, t)).toEqual({ status: "warn", detail: "The last token refresh failed (server_error); Latchkey retries after a cool-down." });
    expect(checkToken({ ...healthy, consecutiveFailures: 2 }, now, t).status).toBe("fail");
    expect(checkToken({ ...healthy, renewalDueAt: new Date(now.getTime() + 3 * day) }, now, t).detail).toBe("Renewal is due on 2026-12-04: remind the partner to reauthorize.");
    expect(checkToken({ ...healthy, renewalDueAt: new Date(now.getTime() - day) }, now, t).status).toBe("fail");
  });

  it("fails revoked, quarantined and untested-broken authorizations with what to do", () => {
    expect(checkToken({ ...healthy, status: "REVOKED" }, now, t).detail).toContain("connect the account again");
    expect(checkToken({ ...healthy, tenantQuarantined: true }, now, t).detail).toContain("lift the quarantine");
    expect(checkToken({ ...healthy, lastConnectivityOk: false }, now, t).status).toBe("fail");
    // A vendor's failed test call is the vendor link's problem, not the token's.
    expect(checkToken({ ...healthy, kind: "VENDOR", lastConnectivityOk: false }, now, t).status).toBe("ok");
  });
});

describe("roles, vendor link, client secret, billing", () => {
  it("names the missing role and the operations it is needed for", () => {
    expect(checkRoles({ kind: "SELLER", roles: ["Inventory and Order Tracking"] }, buildLedger(initialLedgerRows()))).toEqual({
      status: "fail",
      detail: "The granted roles do not cover getMarketplaceParticipations, getAccount: the partner must reauthorize and grant Selling Partner Insights.",
    });
  });

  it("checks the vendor group only for vendors", () => {
    expect(checkVendorLink({ kind: "SELLER", sellingPartnerId: "A2", lastConnectivityOk: null }).status).toBe("not_applicable");
    expect(checkVendorLink({ kind: "VENDOR", sellingPartnerId: "amzn1.vg.X", lastConnectivityOk: false }).status).toBe("fail");
    expect(checkVendorLink({ kind: "VENDOR", sellingPartnerId: "amzn1.vg.X", lastConnectivityOk: null }).status).toBe("warn");
    expect(checkVendorLink({ kind: "VENDOR", sellingPartnerId: "amzn1.vg.X", lastConnectivityOk: true }).status).toBe("ok");
  });

  it("grades the client secret and the charge method by their expiry", () => {
    expect(checkClientSecret(null, now, t).status).toBe("fail");
    expect(checkClientSecret({ expiresAt: new Date(now.getTime() - 1) }, now, t).status).toBe("fail");
    expect(checkClientSecret({ expiresAt: new Date(now.getTime() + 10 * day) }, now, t).status).toBe("warn");
    expect(checkClientSecret({ expiresAt: new Date(now.getTime() + 100 * day) }, now, t).status).toBe("ok");
    expect(checkChargeMethod({ billingStatus: "suspended", chargeMethodExpiresAt: null }, now, t).status).toBe("fail");
    expect(checkChargeMethod({ billingStatus: "good_standing", chargeMethodExpiresAt: new Date(now.getTime() + 20 * day) }, now, t).status).toBe("warn");
    expect(checkChargeMethod({ billingStatus: "good_standing", chargeMethodExpiresAt: new Date(now.getTime() + 60 * day) }, now, t).status).toBe("ok");
  });

  it("takes the worst verdict, ignoring checks that do not apply", () => {
    expect(worst([{ status: "ok", detail: "" }, { status: "not_applicable", detail: "" }])).toBe("ok");
    expect(worst([{ status: "warn", detail: "" }, { status: "ok", detail: "" }])).toBe("warn");
    expect(worst([{ status: "warn", detail: "" }, { status: "fail", detail: "" }])).toBe("fail");
  });
});
