import { beforeEach, describe, expect, it } from "vitest";
import type { Sandbox } from "@/sandbox/server";
import { disconnectAuthorization } from "@/lib/authorizations/disconnect";
import { testConnectivity } from "@/lib/preflight/test-connectivity";
import { db } from "@/lib/db/client";
import { completeAuthorization } from "@/lib/oauth/complete-authorization";
import { startWebsiteAuthorization } from "@/lib/oauth/start-website-authorization";
import { registerTenant } from "@/lib/tenants/register-tenant";
import { useAppWithSandbox } from "../../support/app-harness";
import { answerConsent, callbackParams, sandboxControl } from "../../support/sandbox-session";

let sandbox: Sandbox;
const browser = "binding-cookie-of-browser-A";

async function partner(email: string, kind: "SELLER" | "VENDOR" = "SELLER", marketplaceIds = ["ATVPDKIKX0DER"]) {
  const user = await db.user.create({ data: { email } });
  const tenant = await registerTenant(user.id, { name: `${email} Co`, kind, contactEmail: email, marketplaceIds });
  return { userId: user.id, tenantId: tenant.id };
}

async function connect(who: { userId: string; tenantId: string }, sellingPartnerId: string, marketplaceId = "ATVPDKIKX0DER") {
  const started = await startWebsiteAuthorization({ ...who, marketplaceId, bindingCookie: browser });
  const redirect = await answerConsent(started.consentUrl, { action: "confirm", sellingPartnerId });
  return { started, redirect, outcome: await completeAuthorization(callbackParams(redirect), browser, who.userId) };
}

describe("website authorization flow against the sandbox", () => {
  const app = useAppWithSandbox();
  beforeEach(() => {
    sandbox = app.sandbox;
  });

  it("connects a seller: encrypted token, selling partner, renewal date, tested marketplaces", async () => {
    const who = await partner("seller@example.test");
    const { started, outcome } = await connect(who, "A2SBXSELLERNA01");
    expect(new URL(started.consentUrl).pathname).toBe("/sellercentral/us/apps/authorize/consent");
    expect(new URL(started.consentUrl).searchParams.get("version")).toBe("beta");
    expect(outcome).toMatchObject({ ok: true, reauthorized: false, connectivity: { ok: true } });

    const authorization = await db.authorization.findUniqueOrThrow({ where: { id: started.authorizationId } });
    expect(authorization).toMatchObject({ status: "ACTIVE", authType: "WEBSITE", sellingPartnerId: "A2SBXSELLERNA01", region: "NA", lastConnectivityOk: true });
    expect(authorization.refreshTokenCiphertext).toMatch(/^lk1\./);
    expect(authorization.refreshTokenFingerprint).toMatch(/^[0-9a-f]{12}$/);
    expect(authorization.marketplaceIds.sort()).toEqual(["A1AM78C64UM0Y8", "A2EUQ1WTGCTBG2", "ATVPDKIKX0DER"]);
    const renewalDays = (authorization.renewalDueAt!.getTime() - authorization.authorizedAt!.getTime()) / 86_400_000;
    expect(renewalDays).toBe(365);
    const actions = (await db.auditLog.findMany({ where: { authorizationId: authorization.id }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["authorization.flow_started", "authorization.connected", "authorization.connectivity_tested", "authorization.preflight_passed"]);
  });

  it("connects a vendor group through Vendor Central in Europe", async () => {
    const who = await partner("vendor@example.test", "VENDOR", ["A1PA6795UKMFR9"]);
    const { started, outcome } = await connect(who, "amzn1.vg.SBXVENDOREU01", "A1PA6795UKMFR9");
    expect(new URL(started.consentUrl).pathname).toBe("/vendorcentral/de/apps/authorize/consent");
    expect(outcome).toMatchObject({ ok: true, connectivity: { ok: true, operation: "getPurchaseOrders" } });
    expect(await db.authorization.findUniqueOrThrow({ where: { id: started.authorizationId } })).toMatchObject({ region: "EU", sellingPartnerId: "amzn1.vg.SBXVENDOREU01" });
  });

  it("refuses a replayed callback, one from another browser, and one from another user, without burning the state", async () => {
    const who = await partner("seller@example.test");
    const started = await startWebsiteAuthorization({ ...who, marketplaceId: "ATVPDKIKX0DER", bindingCookie: browser });
    const redirect = await answerConsent(started.consentUrl, { action: "confirm" });
    const params = callbackParams(redirect);
    expect(await completeAuthorization(params, "another-browser", who.userId)).toMatchObject({ ok: false, failure: "state_other_browser" });
    expect(await completeAuthorization(params, undefined, who.userId)).toMatchObject({ ok: false, failure: "state_other_browser" });
    expect(await completeAuthorization(params, browser, "someone-else")).toMatchObject({ ok: false, failure: "state_other_browser" });
    expect(await completeAuthorization(params, browser, who.userId)).toMatchObject({ ok: true });
    expect(await completeAuthorization(params, browser, who.userId)).toMatchObject({ ok: false, failure: "state_reused" });
    expect(await completeAuthorization({ ...params, state: "made-up" }, browser, who.userId)).toMatchObject({ ok: false, failure: "state_unknown" });
  });

  it("expires a state after 15 minutes", async () => {
    const who = await partner("seller@example.test");
    const started = await startWebsiteAuthorization({ ...who, marketplaceId: "ATVPDKIKX0DER", bindingCookie: browser });
    const redirect = await answerConsent(started.consentUrl, { action: "confirm" });
    await db.oAuthState.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await completeAuthorization(callbackParams(redirect), browser, who.userId)).toMatchObject({ ok: false, failure: "state_expired" });
    expect((await db.authorization.findUniqueOrThrow({ where: { id: started.authorizationId } })).status).toBe("PENDING");
  });

  it("reports a cancelled consent and an expired code, and stores nothing", async () => {
    const who = await partner("seller@example.test");
    const started = await startWebsiteAuthorization({ ...who, marketplaceId: "ATVPDKIKX0DER", bindingCookie: browser });
    const cancelled = await answerConsent(started.consentUrl, { action: "cancel" });
    expect(await completeAuthorization(callbackParams(cancelled), browser, who.userId)).toMatchObject({ ok: false, failure: "consent_cancelled" });

    const again = await startWebsiteAuthorization({ ...who, marketplaceId: "ATVPDKIKX0DER", bindingCookie: browser });
    const redirect = await answerConsent(again.consentUrl, { action: "confirm" });
    await sandboxControl(sandbox, "POST", "/clock", { advanceMs: 6 * 60 * 1000 });
    expect(await completeAuthorization(callbackParams(redirect), browser, who.userId)).toMatchObject({ ok: false, failure: "code_invalid" });
    const authorization = await db.authorization.findUniqueOrThrow({ where: { id: started.authorizationId } });
    expect(authorization).toMatchObject({ status: "PENDING", refreshTokenCiphertext: null });
  });

  it("reports Amazon being down and loses nothing", async () => {
    const who = await partner("seller@example.test");
    await connect(who, "A2SBXSELLERNA01");
    const before = await db.authorization.findFirstOrThrow({ where: { tenantId: who.tenantId } });
    const started = await startWebsiteAuthorization({ ...who, marketplaceId: "ATVPDKIKX0DER", bindingCookie: browser });
    const redirect = await answerConsent(started.consentUrl, { action: "confirm", sellingPartnerId: "A2SBXSELLERNA01" });
    await sandboxControl(sandbox, "POST", "/faults", { route: "lwa:authorization_code", kind: "5xx", status: 503 });
    expect(await completeAuthorization(callbackParams(redirect), browser, who.userId)).toMatchObject({ ok: false, failure: "amazon_unavailable" });
    const after = await db.authorization.findFirstOrThrow({ where: { tenantId: who.tenantId } });
    expect(after).toMatchObject({ status: "ACTIVE", refreshTokenCiphertext: before.refreshTokenCiphertext });
  });

  it("never lets a second tenant take over a connected selling account", async () => {
    const first = await partner("first@example.test");
    const second = await partner("second@example.test");
    expect((await connect(first, "A2SBXSELLERNA01")).outcome.ok).toBe(true);
    // The claim is stored held for review (identity-conflicts.test.ts), never as a second live connection.
    expect((await connect(second, "A2SBXSELLERNA01")).outcome).toMatchObject({ ok: true, underReview: true });
    const original = await db.authorization.findFirstOrThrow({ where: { tenantId: first.tenantId } });
    expect(original.status).toBe("ACTIVE");
    expect(await db.authorization.count({ where: { sellingPartnerId: "A2SBXSELLERNA01", status: "ACTIVE" } })).toBe(1);
  });

  it("reauthorizes with a new refresh token and keeps the history of fingerprints", async () => {
    const who = await partner("seller@example.test");
    const first = await connect(who, "A2SBXSELLERNA01");
    const before = await db.authorization.findUniqueOrThrow({ where: { id: first.started.authorizationId } });
    const again = await startWebsiteAuthorization({ ...who, marketplaceId: "ATVPDKIKX0DER", reason: "renewal", bindingCookie: browser });
    expect(again.authorizationId).toBe(before.id);
    const redirect = await answerConsent(again.consentUrl, { action: "confirm", sellingPartnerId: "A2SBXSELLERNA01" });
    expect(await completeAuthorization(callbackParams(redirect), browser, who.userId)).toMatchObject({ ok: true, reauthorized: true });
    const after = await db.authorization.findUniqueOrThrow({ where: { id: before.id } });
    expect(after.refreshTokenFingerprint).not.toBe(before.refreshTokenFingerprint);
    const entry = await db.auditLog.findFirstOrThrow({ where: { authorizationId: before.id, action: "authorization.reauthorized" } });
    expect(entry.details).toMatchObject({ reason: "renewal", refreshTokenFingerprint: after.refreshTokenFingerprint, previousRefreshTokenFingerprint: before.refreshTokenFingerprint });

    const otherAccount = await startWebsiteAuthorization({ ...who, marketplaceId: "ATVPDKIKX0DER", bindingCookie: browser });
    const wrong = await answerConsent(otherAccount.consentUrl, { action: "confirm", sellingPartnerId: "A2SBXSELLERNA02" });
    expect(await completeAuthorization(callbackParams(wrong), browser, who.userId)).toMatchObject({ ok: false, failure: "different_account" });
  });

  it("discovers a revocation through invalid_grant once, and a partner disconnect forgets the token", async () => {
    const who = await partner("seller@example.test");
    const { started } = await connect(who, "A2SBXSELLERNA01");
    await sandboxControl(sandbox, "POST", "/revoke", { sellingPartnerId: "A2SBXSELLERNA01" });
    const subject = async () => db.authorization.findUniqueOrThrow({ where: { id: started.authorizationId }, include: { tenant: { select: { kind: true } } } });
    const authorization = await subject();
    const results = await Promise.all([1, 2, 3].map(() => testConnectivity(authorization, { actorType: "SYSTEM" })));
    expect(results.every((r) => !r.ok && r.failure === "revoked")).toBe(true);
    expect(await subject()).toMatchObject({ status: "REVOKED", refreshTokenCiphertext: null });
    expect(await db.auditLog.count({ where: { authorizationId: started.authorizationId, action: "authorization.revoked" } })).toBe(1);

    const other = await partner("other@example.test", "SELLER", ["A1PA6795UKMFR9"]);
    const eu = await connect(other, "A2SBXSELLEREU01", "A1PA6795UKMFR9");
    await disconnectAuthorization({ tenantId: other.tenantId, authorizationId: eu.started.authorizationId, userId: other.userId });
    expect(await db.authorization.findUniqueOrThrow({ where: { id: eu.started.authorizationId } })).toMatchObject({ status: "REVOKED", refreshTokenCiphertext: null, statusReason: "You disconnected this account from Latchkey." });
    await expect(disconnectAuthorization({ tenantId: who.tenantId, authorizationId: eu.started.authorizationId, userId: who.userId })).rejects.toMatchObject({ code: "not_found" });
  });
});
