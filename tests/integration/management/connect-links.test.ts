// Connect links (issue 15 §2): created through the API, opened once by one browser, consent for that
// tenant and flow only, back to the host app's returnUrl with authorizationId and outcome. Expired, reused,
// foreign and badly-returning links are refused.
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { caller } from "../../support/fake-session";

vi.mock("@/lib/auth/session", () => import("../../support/fake-session"));

const openRoute = await import("@/app/(partner)/connect/link/[token]/route");
const callbackRoute = await import("@/app/api/oauth/callback/route");
const connectLinksRoute = await import("@/app/api/v1/connect-links/route");
const { createApiKey } = await import("@/lib/api-keys/manage-api-keys");
const { startLinkAuthorization } = await import("@/lib/connect-links/start-link-authorization");
const { db } = await import("@/lib/db/client");
const { resetServerEnvForTests } = await import("@/lib/env");
const { startWebsiteAuthorization } = await import("@/lib/oauth/start-website-authorization");
const { useAppWithSandbox } = await import("../../support/app-harness");
const { connectSeller } = await import("../../support/connect-seller");
const { answerConsent, sandboxControl } = await import("../../support/sandbox-session");
const { call } = await import("./support");

const HOST = "http://host-app.test:8080";

interface Link {
  id: string;
  url: string;
  expiresAt: string;
  tenantId: string;
}

let admin: string;
let key: string;
let tenantId: string;
let sequence = 0;

async function createLink(body: Record<string, unknown>, options: { key?: string; idempotencyKey?: string } = {}) {
  return call<Link>(connectLinksRoute.POST, "POST", "/api/v1/connect-links", {
    key: options.key ?? key,
    body: { tenantId, region: "NA", flow: "connect", returnUrl: `${HOST}/amazon/done?session=42`, ...body },
    headers: options.idempotencyKey ? { "idempotency-key": options.idempotencyKey } : {},
  });
}

/** A browser opening the link: where it is sent and the session cookie it got. */
async function open(url: string) {
  const token = new URL(url).pathname.split("/").pop()!;
  const response = await openRoute.GET(new NextRequest(url), { params: Promise.resolve({ token }) });
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith("lk_connect_link="));
  return { location: response.headers.get("location"), status: response.status, session: cookie?.split(";")[0]!.split("=")[1] };
}

async function amazonAccount() {
  const sellingPartnerId = `A2LINK${String(++sequence).padStart(4, "0")}${Math.random().toString(36).slice(2, 6).toUpperCase()}`;
  return sellingPartnerId;
}

/** Amazon's redirect reaching Latchkey's callback in a browser with these cookies. */
async function callback(redirect: URL, cookies: Record<string, string | undefined>) {
  const cookie = Object.entries(cookies)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${v}`)
    .join("; ");
  const response = await callbackRoute.GET(new NextRequest(redirect.toString().replace(/^https?:\/\/[^/]+/, "http://localhost:3999"), { headers: cookie ? { cookie } : {} }));
  return { status: response.status, location: new URL(response.headers.get("location")!), cleared: response.headers.getSetCookie().some((c) => c.startsWith("lk_connect_link=;")) };
}

describe("connect links", () => {
  const app = useAppWithSandbox({ rateLimits: false });
  beforeEach(async () => {
    process.env.CONNECT_LINK_RETURN_ORIGINS = `${HOST},https://other.example`;
    resetServerEnvForTests();
    caller.user = null;
    admin = (await db.user.create({ data: { email: "admin@example.test", role: "ADMIN" } })).id;
    key = (await createApiKey({ name: "host-app", scopes: ["management"], rateLimitPerMinute: 100_000 }, admin)).apiKey;
    tenantId = (await db.tenant.create({ data: { name: "Linked Co", kind: "SELLER", contactEmail: "ops@linked.test", marketplaceIds: ["ATVPDKIKX0DER"], externalId: "linked-1" } })).id;
  });

  it("takes a partner without an account from the link through Amazon's consent back to the host app", async () => {
    const created = await createLink({});
    expect(created.status).toBe(201);
    expect(created.body.url).toMatch(/^http:\/\/localhost:3999\/connect\/link\/[A-Za-z0-9_-]{43}$/);
    const ttl = new Date(created.body.expiresAt).getTime() - Date.now();
    expect(ttl).toBeGreaterThan(29 * 60_000);
    expect(ttl).toBeLessThanOrEqual(30 * 60_000);
    // Only the hash is stored.
    const token = new URL(created.body.url).pathname.split("/").pop()!;
    const row = await db.connectLink.findUniqueOrThrow({ where: { id: created.body.id } });
    expect(JSON.stringify(row)).not.toContain(token);

    const opened = await open(created.body.url);
    expect(opened.status).toBe(303);
    expect(opened.location).toBe("http://localhost:3999/connect/link/consent");
    expect(opened.session).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const sellingPartnerId = await amazonAccount();
    await sandboxControl(app.sandbox, "POST", "/accounts", { sellingPartnerId, name: "Linked Store", type: "seller", region: "NA", marketplaces: ["ATVPDKIKX0DER"] });
    const { consentUrl } = await startLinkAuthorization(opened.session, "browser-1");
    expect(new URL(consentUrl).pathname).toBe("/sellercentral/us/apps/authorize/consent");
    const redirect = await answerConsent(consentUrl, { action: "confirm", sellingPartnerId });
    const back = await callback(redirect, { lk_oauth_binding: "browser-1", lk_connect_link: opened.session });

    expect(back.status).toBe(303);
    expect(back.location.origin).toBe(HOST);
    expect(back.location.pathname).toBe("/amazon/done");
    expect(back.location.searchParams.get("session")).toBe("42");
    expect(back.location.searchParams.get("outcome")).toBe("connected");
    const authorizationId = back.location.searchParams.get("authorizationId")!;
    expect(await db.authorization.findUniqueOrThrow({ where: { id: authorizationId } })).toMatchObject({ tenantId, region: "NA", status: "ACTIVE", sellingPartnerId });
    expect(back.cleared).toBe(true);
    expect(await db.connectLink.findUniqueOrThrow({ where: { id: created.body.id } })).toMatchObject({ outcome: "connected", authorizationId });
    // The session is spent: it cannot start another flow.
    await expect(startLinkAuthorization(opened.session, "browser-1")).rejects.toMatchObject({ code: "not_found" });
  });

  it("works once: a reopened link, an expired one and an unknown one land on the result page saying so", async () => {
    const first = await createLink({});
    expect((await open(first.body.url)).session).toBeDefined();
    const again = await open(first.body.url);
    expect([again.location, again.session]).toEqual(["http://localhost:3999/connect/link/done?outcome=link_used", undefined]);

    const expired = await createLink({});
    await db.connectLink.update({ where: { id: expired.body.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await open(expired.body.url)).location).toBe("http://localhost:3999/connect/link/done?outcome=link_expired");
    expect((await db.connectLink.findUniqueOrThrow({ where: { id: expired.body.id } })).openedAt).toBeNull();

    expect((await open(`http://localhost:3999/connect/link/${"A".repeat(43)}`)).location).toBe("http://localhost:3999/connect/link/done?outcome=link_unknown");
    const malformed = await openRoute.GET(new NextRequest("http://localhost:3999/connect/link/short"), { params: Promise.resolve({ token: "short" }) });
    expect(malformed.status).toBe(404);
  });

  it("acts only for the browser that opened it, and only for its tenant: no session, another link's state, a partner's session", async () => {
    const created = await createLink({});
    const opened = await open(created.body.url);
    await expect(startLinkAuthorization(undefined, "browser-1")).rejects.toMatchObject({ code: "not_found" });
    await expect(startLinkAuthorization("forged-session-cookie-value", "browser-1")).rejects.toMatchObject({ code: "not_found" });

    const sellingPartnerId = await amazonAccount();
    await sandboxControl(app.sandbox, "POST", "/accounts", { sellingPartnerId, name: "Linked Store", type: "seller", region: "NA", marketplaces: ["ATVPDKIKX0DER"] });
    const { consentUrl } = await startLinkAuthorization(opened.session, "browser-1");
    const state = await db.oAuthState.findFirstOrThrow({ where: { connectLinkId: created.body.id } });
    expect(state).toMatchObject({ tenantId, userId: null, region: "NA" });
    const redirect = await answerConsent(consentUrl, { action: "confirm", sellingPartnerId });

    // Another browser (no link session), even signed in as another tenant's partner, cannot finish it, and does not burn it.
    const other = await connectSeller(app.sandbox, { label: "Other" });
    caller.user = { id: other.userId, email: "x@y.test", role: "PARTNER", tenantId: other.tenantId };
    const elsewhere = await callback(redirect, { lk_oauth_binding: "browser-1" });
    expect(elsewhere.location.pathname).toBe("/connect/error");
    expect(elsewhere.location.searchParams.get("code")).toBe("state_other_browser");
    // Another link's session in the same browser is not this link's either.
    const otherTenant = await db.tenant.create({ data: { name: "Second Co", kind: "SELLER", contactEmail: "b@second.test", marketplaceIds: [] } });
    const otherLink = await createLink({ tenantId: otherTenant.id });
    const otherSession = (await open(otherLink.body.url)).session;
    expect((await callback(redirect, { lk_oauth_binding: "browser-1", lk_connect_link: otherSession })).location.searchParams.get("code")).toBe("state_other_browser");
    expect(await db.authorization.count({ where: { tenantId, status: "ACTIVE" } })).toBe(0);
    caller.user = null;

    const back = await callback(redirect, { lk_oauth_binding: "browser-1", lk_connect_link: opened.session });
    expect(back.location.searchParams.get("outcome")).toBe("connected");
    expect(await db.authorization.count({ where: { tenantId: otherTenant.id } })).toBe(0);

    // A signed-in partner's own flow is not finished by a link session either (states stay bound to their user).
    const userFlow = await startWebsiteAuthorization({ userId: other.userId, tenantId: other.tenantId, marketplaceId: "ATVPDKIKX0DER", bindingCookie: "browser-1" });
    const userRedirect = await answerConsent(userFlow.consentUrl, { action: "confirm", sellingPartnerId: other.sellingPartnerId });
    const stolen = await callback(userRedirect, { lk_oauth_binding: "browser-1", lk_connect_link: otherSession });
    expect(stolen.location.searchParams.get("code")).toBe("state_other_browser");
  });

  it("sends a failed or cancelled consent back with its outcome code, and without a returnUrl ends on Latchkey's page", async () => {
    const cancelled = await createLink({});
    const session = (await open(cancelled.body.url)).session;
    const { consentUrl } = await startLinkAuthorization(session, "browser-2");
    const back = await callback(await answerConsent(consentUrl, { action: "cancel" }), { lk_oauth_binding: "browser-2", lk_connect_link: session });
    expect(back.location.origin).toBe(HOST);
    expect(back.location.searchParams.get("outcome")).toBe("consent_cancelled");

    const plain = await createLink({ returnUrl: undefined });
    const plainSession = (await open(plain.body.url)).session;
    const sellingPartnerId = await amazonAccount();
    await sandboxControl(app.sandbox, "POST", "/accounts", { sellingPartnerId, name: "Linked Store", type: "seller", region: "NA", marketplaces: ["ATVPDKIKX0DER"] });
    const started = await startLinkAuthorization(plainSession, "browser-3");
    const done = await callback(await answerConsent(started.consentUrl, { action: "confirm", sellingPartnerId }), { lk_oauth_binding: "browser-3", lk_connect_link: plainSession });
    expect(done.location.pathname).toBe("/connect/link/done");
    expect(done.location.searchParams.get("outcome")).toBe("connected");
  });

  it("reauthorizes an existing connection with a reauthorize link, and refuses the flow that does not fit", async () => {
    const seller = await connectSeller(app.sandbox, { label: "Renewing" });
    expect((await createLink({ tenantId: seller.tenantId, flow: "connect" })).code).toBe("already_connected");
    expect((await createLink({ flow: "reauthorize" })).code).toBe("not_connected");
    const link = await createLink({ tenantId: seller.tenantId, flow: "reauthorize" });
    expect(link.status).toBe(201);
    const session = (await open(link.body.url)).session;
    const { consentUrl } = await startLinkAuthorization(session, "browser-4");
    const back = await callback(await answerConsent(consentUrl, { action: "confirm", sellingPartnerId: seller.sellingPartnerId }), { lk_oauth_binding: "browser-4", lk_connect_link: session });
    expect(back.location.searchParams.get("outcome")).toBe("reauthorized");
    expect(back.location.searchParams.get("authorizationId")).toBe(seller.authorizationId);
  });

  it("refuses a returnUrl off the allowlist, bad input, foreign tenants, limited keys' other tenants and wrong scopes", async () => {
    const cases: [Record<string, unknown>, number, string][] = [
      [{ returnUrl: "https://evil.example/steal" }, 422, "return_url_not_allowed"],
      [{ returnUrl: "http://host-app.test:9090/x" }, 422, "return_url_not_allowed"],
      [{ returnUrl: "javascript:alert(1)" }, 422, "invalid_input"],
      [{ region: "MARS" }, 422, "invalid_input"],
      [{ flow: "steal" }, 422, "invalid_input"],
      [{ externalId: "linked-1" }, 422, "invalid_input"],
      [{ tenantId: undefined }, 422, "invalid_input"],
      [{ marketplaceId: "A1PA6795UKMFR9" }, 422, "invalid_input"],
      [{ tenantId: "no-such-tenant" }, 404, "not_found"],
    ];
    for (const [body, status, code] of cases) {
      const answer = await createLink(body);
      expect([answer.status, answer.code], JSON.stringify(body)).toEqual([status, code]);
    }
    expect((await createLink({ tenantId: undefined, externalId: "linked-1", returnUrl: "https://other.example/cb" })).status).toBe(201);

    const mine = await db.tenant.create({ data: { name: "Mine", kind: "SELLER", contactEmail: "m@mine.test", marketplaceIds: [] } });
    const limited = (await createApiKey({ name: "limited", scopes: ["management"], tenantIds: [mine.id] }, admin)).apiKey;
    expect((await createLink({}, { key: limited })).code).toBe("not_found");
    expect((await createLink({ tenantId: undefined, externalId: "linked-1" }, { key: limited })).code).toBe("not_found");
    expect((await createLink({ tenantId: mine.id }, { key: limited })).status).toBe(201);
    const worker = (await createApiKey({ name: "worker", scopes: ["access_tokens"] }, admin)).apiKey;
    expect((await createLink({}, { key: worker })).code).toBe("insufficient_scope");
    expect((await call(connectLinksRoute.POST, "POST", "/api/v1/connect-links", { body: {} })).status).toBe(401);
    expect((await call(connectLinksRoute.GET, "GET", "/api/v1/connect-links", { key })).status).toBe(405);
    expect(await db.connectLink.count()).toBe(2);
  });

  it("returns the same link to a retry with the same Idempotency-Key, without keeping the URL in clear", async () => {
    const first = await createLink({}, { idempotencyKey: "onboard-42" });
    const retry = await createLink({}, { idempotencyKey: "onboard-42" });
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(await db.connectLink.count()).toBe(1);
    const token = new URL(first.body.url).pathname.split("/").pop()!;
    const stored = await db.idempotencyKey.findMany();
    expect(JSON.stringify(stored)).not.toContain(token);
    expect((await createLink({ flow: "reauthorize" }, { idempotencyKey: "onboard-42" })).code).toBe("idempotency_key_reused");
  });
});
