// Issue 12 #1: `selling_partner_id` in Amazon's redirect is an unsigned claim. A tampered claim never locks the
// real owner out and never gets a token served under another seller's id: it is stored held for review
// (IDENTITY_CONFLICT) with the account fingerprints of both sides, an alert fires, and an admin keeps one.
import { describe, expect, it } from "vitest";
import { describeProblems } from "@/lib/dashboard/describe-health";
import { evaluateAlerts } from "@/lib/alerts/evaluate-alerts";
import { disconnectAuthorization } from "@/lib/authorizations/disconnect";
import { listOpenIdentityConflicts } from "@/lib/authorizations/identity-conflicts";
import { resolveIdentityConflict } from "@/lib/authorizations/resolve-identity-conflict";
import { db } from "@/lib/db/client";
import { completeAuthorization } from "@/lib/oauth/complete-authorization";
import { startWebsiteAuthorization } from "@/lib/oauth/start-website-authorization";
import { parseDashboardFilters } from "@/lib/tenants/list-filters";
import { listTenantAuthorizations } from "@/lib/tenants/list-tenant-authorizations";
import { registerTenant } from "@/lib/tenants/register-tenant";
import { getAccessToken } from "@/lib/tokens/get-access-token";
import { useAppWithSandbox } from "../../support/app-harness";
import { answerConsent, callbackParams, sandboxControl } from "../../support/sandbox-session";

const browser = "binding-cookie-of-browser-A";

async function partner(name: string) {
  const user = await db.user.create({ data: { email: `${name}@example.test` } });
  const tenant = await registerTenant(user.id, { name, kind: "SELLER", contactEmail: `${name}@example.test`, marketplaceIds: ["ATVPDKIKX0DER"] });
  return { userId: user.id, tenantId: tenant.id };
}

/** Consents as `account` on the sandbox, then (like a browser's address bar) edits the claimed id in the redirect. */
async function connect(who: { userId: string; tenantId: string }, account: string, options: { claim?: string; reason?: string } = {}) {
  const started = await startWebsiteAuthorization({ ...who, marketplaceId: "ATVPDKIKX0DER", bindingCookie: browser, ...(options.reason ? { reason: options.reason } : {}) });
  const redirect = await answerConsent(started.consentUrl, { action: "confirm", sellingPartnerId: account });
  if (options.claim) redirect.searchParams.set("selling_partner_id", options.claim);
  return { authorizationId: started.authorizationId, outcome: await completeAuthorization(callbackParams(redirect), browser, who.userId) };
}

const admin = { userId: "admin-user", requestId: "req-identity" };

describe("identity conflicts", () => {
  const app = useAppWithSandbox({ rateLimits: false });

  it("holds a tampered claim on a connected account for review; the owner keeps working; the admin revokes the claim", async () => {
    const owner = await partner("Owner");
    const attacker = await partner("Attacker");
    const real = await connect(owner, "A2SBXSELLERNA01");
    expect(real.outcome).toMatchObject({ ok: true, underReview: false });
    expect((await db.authorization.findUniqueOrThrow({ where: { id: real.authorizationId } })).accountFingerprint).toEqual({
      marketplaceIds: ["A1AM78C64UM0Y8", "A2EUQ1WTGCTBG2", "ATVPDKIKX0DER"],
      storeNames: ["Sandbox Store NA 1"],
      vendorCodes: [],
    });

    const claim = await connect(attacker, "A2SBXSELLERNA02", { claim: "A2SBXSELLERNA01" });
    expect(claim.outcome).toMatchObject({ ok: true, underReview: true });
    expect(await db.authorization.findUniqueOrThrow({ where: { id: claim.authorizationId } })).toMatchObject({ status: "IDENTITY_CONFLICT", sellingPartnerId: "A2SBXSELLERNA01" });
    expect((await db.authorization.findUniqueOrThrow({ where: { id: claim.authorizationId } })).refreshTokenCiphertext).toMatch(/^lk1\./);
    expect((await db.authorization.findUniqueOrThrow({ where: { id: real.authorizationId } })).status).toBe("ACTIVE");

    // The owner's token is served; the claim's (really NA02's token, labelled NA01) never is.
    expect((await getAccessToken(real.authorizationId)).authorization.sellingPartnerId).toBe("A2SBXSELLERNA01");
    await expect(getAccessToken(claim.authorizationId)).rejects.toMatchObject({ code: "identity_conflict" });

    const [conflict] = await listOpenIdentityConflicts({ authorizationIds: [real.authorizationId] });
    expect(conflict).toMatchObject({
      kind: "CLAIMED_ELSEWHERE",
      sellingPartnerId: "A2SBXSELLERNA01",
      claim: { authorizationId: claim.authorizationId, tenantName: "Attacker", fingerprint: { storeNames: ["Sandbox Store NA 2"] } },
      holder: { authorizationId: real.authorizationId, tenantName: "Owner" },
      heldFingerprint: { storeNames: ["Sandbox Store NA 1"] },
    });

    // Both tenants' dashboard rows say so, first of their problems.
    const rows = (await listTenantAuthorizations(parseDashboardFilters({}))).rows.filter((row) => row.authorizationId);
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(describeProblems(row)[0]).toMatch(/^Identity conflict: /);
    expect(describeProblems(rows.find((row) => row.tenantName === "Owner")!)[0]).toContain("another tenant claims this account");
    expect((await listTenantAuthorizations(parseDashboardFilters({ status: "IDENTITY_CONFLICT" }))).rows.map((row) => row.tenantName)).toEqual(["Attacker"]);

    const evaluation = await evaluateAlerts();
    expect(evaluation.fired.map((f) => f.rule)).toContain("identity_conflict");
    const alert = await db.alert.findFirstOrThrow({ where: { rule: "identity_conflict" } });
    expect(alert.message).toContain("Sandbox Store NA 2");
    expect(alert.message).toContain("Sandbox Store NA 1");

    expect(await resolveIdentityConflict({ conflictId: conflict!.id, keep: "holder", actor: admin })).toEqual({ changed: true });
    expect(await resolveIdentityConflict({ conflictId: conflict!.id, keep: "claim", actor: admin })).toEqual({ changed: false });
    expect(await db.authorization.findUniqueOrThrow({ where: { id: claim.authorizationId } })).toMatchObject({ status: "REVOKED", refreshTokenCiphertext: null });
    expect((await db.authorization.findUniqueOrThrow({ where: { id: real.authorizationId } })).status).toBe("ACTIVE");
    const resolved = await db.auditLog.findFirstOrThrow({ where: { action: "authorization.identity_conflict_resolved" } });
    expect(resolved).toMatchObject({ actorType: "ADMIN", actorId: "admin-user", authorizationId: claim.authorizationId });
    expect(resolved.details).toMatchObject({ kept: real.authorizationId, revoked: claim.authorizationId });
    expect((await evaluateAlerts()).resolved.map((r) => r.rule)).toContain("identity_conflict");
  });

  it("never locks out the real owner when an impostor claimed the id first: the owner is held, and kept by the admin", async () => {
    const owner = await partner("Owner");
    const impostor = await partner("Impostor");
    const first = await connect(impostor, "A2SBXSELLERNA02", { claim: "A2SBXSELLERNA01" });
    expect(first.outcome).toMatchObject({ ok: true, underReview: false });

    const real = await connect(owner, "A2SBXSELLERNA01");
    expect(real.outcome).toMatchObject({ ok: true, underReview: true });
    expect((await db.authorization.findUniqueOrThrow({ where: { id: real.authorizationId } })).status).toBe("IDENTITY_CONFLICT");
    const [conflict] = await listOpenIdentityConflicts({ authorizationIds: [first.authorizationId] });
    expect(conflict).toMatchObject({ claim: { fingerprint: { storeNames: ["Sandbox Store NA 1"] } }, heldFingerprint: { storeNames: ["Sandbox Store NA 2"] } });

    await resolveIdentityConflict({ conflictId: conflict!.id, keep: "claim", actor: admin });
    expect(await db.authorization.findUniqueOrThrow({ where: { id: first.authorizationId } })).toMatchObject({ status: "REVOKED", refreshTokenCiphertext: null });
    expect(await db.authorization.findUniqueOrThrow({ where: { id: real.authorizationId } })).toMatchObject({ status: "ACTIVE", accountFingerprint: { storeNames: ["Sandbox Store NA 1"] } });
    expect((await getAccessToken(real.authorizationId)).authorization.sellingPartnerId).toBe("A2SBXSELLERNA01");
    const history = (await db.auditLog.findMany({ where: { authorizationId: real.authorizationId }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(history).toEqual(expect.arrayContaining(["authorization.held_for_review", "authorization.identity_confirmed", "authorization.identity_conflict_resolved"]));
  });

  it("ends the conflict when the partner disconnects the claim under review", async () => {
    const owner = await partner("Owner");
    const attacker = await partner("Attacker");
    const real = await connect(owner, "A2SBXSELLERNA01");
    const claim = await connect(attacker, "A2SBXSELLERNA02", { claim: "A2SBXSELLERNA01" });
    expect(await listOpenIdentityConflicts()).toHaveLength(1);
    await disconnectAuthorization({ tenantId: attacker.tenantId, authorizationId: claim.authorizationId, userId: attacker.userId });
    expect(await listOpenIdentityConflicts()).toEqual([]);
    const ownerRow = (await listTenantAuthorizations(parseDashboardFilters({}))).rows.find((row) => row.authorizationId === real.authorizationId)!;
    expect(ownerRow.identityConflict).toBe(false);
  });

  it("holds a reauthorization whose account fingerprint differs from the stored one", async () => {
    const owner = await partner("Owner");
    const first = await connect(owner, "A2SBXSELLERNA01");
    const again = await connect(owner, "A2SBXSELLERNA02", { claim: "A2SBXSELLERNA01", reason: "renewal" });
    expect(again.authorizationId).toBe(first.authorizationId);
    expect(again.outcome).toMatchObject({ ok: true, reauthorized: true, underReview: true });
    expect((await db.authorization.findUniqueOrThrow({ where: { id: first.authorizationId } })).status).toBe("IDENTITY_CONFLICT");
    const [conflict] = await listOpenIdentityConflicts({ authorizationIds: [first.authorizationId] });
    expect(conflict).toMatchObject({ kind: "FINGERPRINT_CHANGED", holder: null, claim: { fingerprint: { storeNames: ["Sandbox Store NA 2"] } }, heldFingerprint: { storeNames: ["Sandbox Store NA 1"] } });
    await expect(getAccessToken(first.authorizationId)).rejects.toMatchObject({ code: "identity_conflict" });

    // A further consent does not clear the review by itself.
    const third = await connect(owner, "A2SBXSELLERNA01", { reason: "renewal" });
    expect(third.outcome).toMatchObject({ ok: true, underReview: true });
  });

  it("reauthorizes without review when the account is the same one (a marketplace joined since)", async () => {
    const owner = await partner("Owner");
    const first = await connect(owner, "A2SBXSELLERNA01");
    await sandboxControl(app.sandbox, "POST", "/accounts", {
      sellingPartnerId: "A2SBXSELLERNA01",
      name: "Sandbox Seller NA 1",
      type: "seller",
      marketplaces: ["ATVPDKIKX0DER", "A2EUQ1WTGCTBG2", "A1AM78C64UM0Y8", "A2Q3Y263D00KWC"],
      storeName: "Sandbox Store NA 1",
    });
    const again = await connect(owner, "A2SBXSELLERNA01", { reason: "renewal" });
    expect(again.outcome).toMatchObject({ ok: true, reauthorized: true, underReview: false });
    expect((await db.authorization.findUniqueOrThrow({ where: { id: first.authorizationId } })).status).toBe("ACTIVE");
  });
});
