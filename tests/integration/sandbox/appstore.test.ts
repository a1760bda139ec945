import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Sandbox } from "../../../sandbox/server";
import { control, DEFAULT_APP, defaultClient, errorCodeOf, formFields, lwa, REDIRECT_URI, SELLER_NA, SELLER_NA_2, VENDOR_NA, startSandbox } from "./support/sandbox-client";

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => control(sandbox, "POST", "/reset"));

async function start(params: Record<string, string>, site = "us"): Promise<Response> {
  return fetch(`${sandbox.url}/appstore/${site}/authorize?${new URLSearchParams(params).toString()}`, { redirect: "manual" });
}

/** "Authorize now" → the app's log-in URI, which carries amazon_callback_uri and amazon_state. */
async function loginRedirect(sellingPartnerId = SELLER_NA): Promise<URL> {
  const response = await start({ application_id: DEFAULT_APP.applicationId, selling_partner_id: sellingPartnerId, auto: "1" });
  expect(response.status).toBe(302);
  return new URL(response.headers.get("location") ?? "");
}

function callback(login: URL, extra: Record<string, string>): Promise<Response> {
  const url = new URL(login.searchParams.get("amazon_callback_uri") ?? "");
  url.searchParams.set("amazon_state", login.searchParams.get("amazon_state") ?? "");
  for (const [key, value] of Object.entries(extra)) url.searchParams.set(key, value);
  return fetch(url, { redirect: "manual" });
}

describe("Appstore authorization", () => {
  it("sends the partner to the app's log-in URI with amazon_callback_uri, amazon_state, selling_partner_id and version=beta", async () => {
    const login = await loginRedirect();
    expect(`${login.origin}${login.pathname}`).toBe(DEFAULT_APP.loginUri);
    expect(login.searchParams.get("amazon_callback_uri")).toBe(`${sandbox.url}/sellercentral/us/apps/authorize/confirm-appstore`);
    expect(login.searchParams.get("amazon_state")).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(login.searchParams.get("selling_partner_id")).toBe(SELLER_NA);
    expect(login.searchParams.get("version")).toBe("beta");
  });

  it("completes through confirm-appstore with a code the app can exchange", async () => {
    const login = await loginRedirect();
    const response = await callback(login, { state: "app-state", version: "beta" });
    expect(response.status).toBe(302);
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    const location = new URL(response.headers.get("location") ?? "");
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
    expect(location.searchParams.get("state")).toBe("app-state");
    expect(location.searchParams.get("selling_partner_id")).toBe(SELLER_NA);
    const code = location.searchParams.get("spapi_oauth_code") ?? "";
    const token = await lwa(sandbox, { grant_type: "authorization_code", code, redirect_uri: REDIRECT_URI, ...defaultClient });
    expect(token.status).toBe(200);
    expect(token.body.refresh_token).toMatch(/^Atzr\|/);
  });

  it("shows a seller picker without auto=1 that leads to the same redirect", async () => {
    const page = await start({ application_id: DEFAULT_APP.applicationId, selling_partner_id: SELLER_NA_2 });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toMatch(/<button[^>]*>Authorize now<\/button>/);
    const form = formFields(html);
    expect(form.fields).toMatchObject({ auto: "1", selling_partner_id: SELLER_NA_2 });
    const submitted = await fetch(`${new URL(form.action, sandbox.url).href}?${new URLSearchParams(form.fields).toString()}`, { redirect: "manual" });
    expect(submitted.status).toBe(302);
    expect(new URL(submitted.headers.get("location") ?? "").searchParams.get("selling_partner_id")).toBe(SELLER_NA_2);
  });

  it("refuses an amazon_state used twice", async () => {
    const login = await loginRedirect();
    expect((await callback(login, { state: "s", version: "beta" })).status).toBe(302);
    const again = await callback(login, { state: "s", version: "beta" });
    expect(again.status).toBe(400);
    expect(errorCodeOf(await again.text())).toBe("SBX0003");
  });

  it("refuses an expired amazon_state (15 minutes)", async () => {
    const login = await loginRedirect();
    await control(sandbox, "POST", "/clock", { advanceMs: 15 * 60 * 1000 });
    const response = await callback(login, { state: "s", version: "beta" });
    expect(response.status).toBe(400);
  });

  it("refuses an unknown amazon_state", async () => {
    const response = await fetch(`${sandbox.url}/sellercentral/us/apps/authorize/confirm-appstore?amazon_state=made-up&state=s&version=beta`, { redirect: "manual" });
    expect(response.status).toBe(400);
    expect(errorCodeOf(await response.text())).toBe("SBX0003");
  });

  it("applies the version rule (MD1000) and the redirect rule (MD5101) at confirm-appstore", async () => {
    const login = await loginRedirect();
    const noBeta = await callback(login, { state: "s" });
    expect(errorCodeOf(await noBeta.text())).toBe("MD1000");
    const badRedirect = await callback(login, { state: "s", version: "beta", redirect_uri: "https://evil.example/cb" });
    expect(errorCodeOf(await badRedirect.text())).toBe("MD5101");
    expect((await callback(login, { state: "s", version: "beta" })).status).toBe(302);
  });

  it("does not offer the Appstore to vendors", async () => {
    const response = await start({ application_id: DEFAULT_APP.applicationId, selling_partner_id: VENDOR_NA, auto: "1" });
    expect(response.status).toBe(400);
    expect(errorCodeOf(await response.text())).toBe("SBX0004");
  });
});
