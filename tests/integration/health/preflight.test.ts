import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { buildAdminDigest } from "@/lib/lifecycle/admin-digest";
import { recordOutcomes } from "@/lib/monitoring/record-outcomes";
import { getLastPreflight, runPreflight } from "@/lib/preflight/run-preflight";
import { useAppWithSandbox } from "../../support/app-harness";
import { connectSeller } from "../../support/connect-seller";
import { sandboxControl } from "../../support/sandbox-session";

const statuses = (checks: { id: string; status: string }[]) => Object.fromEntries(checks.map((c) => [c.id, c.status]));

describe("preflight", () => {
  const app = useAppWithSandbox({ rateLimits: false });
  const sandboxStats = () => sandboxControl<{ lwa: { byGrantType: Record<string, number> } }>(app.sandbox, "GET", "/stats");

  it("passes a healthy seller, records it in the audit log, and shows it as the last preflight", async () => {
    const seller = await connectSeller(app.sandbox);
    await db.appClient.updateMany({ data: { billingStatus: "good_standing" } });
    const result = await runPreflight({ authorizationId: seller.authorizationId, actorType: "ADMIN", actorId: "admin-1" });
    expect(result.passed).toBe(true);
    expect(statuses(result.checks)).toEqual({ token: "pass", roles: "pass", vendor: "skipped", billing: "pass" });
    const audit = await db.auditLog.findMany({ where: { authorizationId: seller.authorizationId, action: { startsWith: "authorization.preflight" } }, orderBy: { id: "asc" } });
    // The first was onboarding's, as the account was connected; the second the admin's.
    expect(audit.map((a) => [a.action, a.actorType, a.actorId])).toEqual([
      ["authorization.preflight_passed", "SYSTEM", null],
      ["authorization.preflight_passed", "ADMIN", "admin-1"],
    ]);
    expect(await getLastPreflight(seller.authorizationId)).toMatchObject({ passed: true, trigger: "manual", checks: result.checks });
  });

  it("passes with a warning, not a plain pass, while billing standing is not recorded", async () => {
    const seller = await connectSeller(app.sandbox);
    await db.appClient.updateMany({ data: { billingStatus: null } });
    const result = await runPreflight({ authorizationId: seller.authorizationId, actorType: "ADMIN", actorId: "admin-1" });
    expect(result.passed).toBe(true);
    expect(result.checks.find((c) => c.id === "billing")).toMatchObject({ status: "warn", detail: expect.stringContaining("Billing standing is not recorded") });
  });

  it("explains every failure in plain words: missing role, a job calling outside the ledger, billing, and a revoked grant", async () => {
    const seller = await connectSeller(app.sandbox);
    await db.authorization.update({ where: { id: seller.authorizationId }, data: { roles: ["Inventory and Order Tracking"] } });
    await db.appClient.updateMany({ data: { billingStatus: "suspended" } });
    await recordOutcomes({ outcomes: [{ authorizationId: seller.authorizationId, operation: "getOrders", status: 200, latencyMs: 10 }] }, async () => true);

    const failed = await runPreflight({ authorizationId: seller.authorizationId, actorType: "ADMIN" });
    expect(failed.passed).toBe(false);
    const roles = failed.checks.find((c) => c.id === "roles")!;
    expect(roles.status).toBe("fail");
    expect(roles.detail).toContain("the partner did not grant Selling Partner Insights");
    expect(roles.detail).toContain("its jobs call getOrders, which the roles ledger does not list");
    expect(failed.checks.find((c) => c.id === "billing")).toMatchObject({ status: "fail", detail: expect.stringContaining("Billing needs action (suspended)") });

    await sandboxControl(app.sandbox, "POST", "/revoke", { sellingPartnerId: seller.sellingPartnerId });
    const revoked = await runPreflight({ authorizationId: seller.authorizationId, actorType: "ADMIN" });
    expect(revoked.checks.find((c) => c.id === "token")).toMatchObject({ status: "fail", detail: "Amazon no longer accepts this authorization: the partner must connect the account again." });
    expect((await getLastPreflight(seller.authorizationId))?.passed).toBe(false);
  });

  it("runs as an account is connected, with onboarding's own test call: no second refresh or test call", async () => {
    await db.appClient.updateMany({ data: { billingStatus: "good_standing" } });
    const before = await sandboxStats();
    const seller = await connectSeller(app.sandbox);
    const after = await sandboxStats();
    expect(after.lwa.byGrantType.refresh_token ?? 0).toBe(before.lwa.byGrantType.refresh_token ?? 0);
    expect(await db.auditLog.count({ where: { authorizationId: seller.authorizationId, action: "authorization.connectivity_tested" } })).toBe(1);
    const last = await getLastPreflight(seller.authorizationId);
    expect(last).toMatchObject({ passed: true, trigger: "connection" });
    expect(statuses(last!.checks)).toEqual({ token: "pass", roles: "pass", vendor: "skipped", billing: "pass" });
    expect(last!.checks.find((c) => c.id === "token")!.detail).toBe("The connection issued a token and Amazon answered a test call with it.");
  });

  it("a connection made while billing needs action fails its preflight and says what to fix, without failing the connection", async () => {
    await db.appClient.updateMany({ data: { billingStatus: "suspended" } });
    const seller = await connectSeller(app.sandbox);
    expect(await db.authorization.findUniqueOrThrow({ where: { id: seller.authorizationId } })).toMatchObject({ status: "ACTIVE", lastConnectivityOk: true });
    const last = await getLastPreflight(seller.authorizationId);
    expect(last).toMatchObject({ passed: false, trigger: "connection" });
    expect(last!.checks.find((c) => c.id === "billing")).toMatchObject({ status: "fail", detail: expect.stringContaining("Billing needs action (suspended)") });
    expect(await db.auditLog.findFirst({ where: { authorizationId: seller.authorizationId, action: "authorization.preflight_failed" } })).toMatchObject({ actorType: "SYSTEM" });

    // The admins' daily digest lists it with what to fix, until a later preflight passes.
    const failedSection = async () => (await buildAdminDigest(new Date())).find((s) => s.title === "Failed preflight in the last day");
    expect((await failedSection())?.items).toEqual([
      { label: expect.stringContaining("Seller Co"), detail: expect.stringContaining("Billing needs action (suspended)"), url: expect.stringMatching(new RegExp(`^https?://[^/]+/admin/authorizations/${seller.authorizationId}$`)) },
    ]);
    await db.appClient.updateMany({ data: { billingStatus: "good_standing" } });
    expect((await runPreflight({ authorizationId: seller.authorizationId, actorType: "ADMIN" })).passed).toBe(true);
    expect(await failedSection()).toBeUndefined();
  });

  it("answers not_found for an unknown authorization", async () => {
    await expect(runPreflight({ authorizationId: "missing", actorType: "ADMIN" })).rejects.toMatchObject({ code: "not_found" });
  });
});
