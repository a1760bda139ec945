import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Sandbox } from "../../../sandbox/server";
import { lwaTokenWithRefresh } from "./support/lwa-shapes";
import { authorizeThroughConsent, control, DEFAULT_APP, defaultClient, errorCodeOf, formFields, lwa, REDIRECT_URI, SELLER_EU, SELLER_NA, SELLER_NA_2, VENDOR_NA, startSandbox } from "./support/sandbox-client";

const PUBLISHED = {
  applicationId: "amzn1.sp.solution.published",
  clientId: "amzn1.application-oa2-client.published",
  clientSecret: "published-secret",
  appName: "Published App",
  redirectUris: ["https://published.example/callback", "https://published.example/alt"],
  published: true,
};

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ apps: [PUBLISHED] });
});
afterAll(() => sandbox.close());
beforeEach(() => control(sandbox, "POST", "/reset"));

function consentUrl(params: Record<string, string>, central = "sellercentral", site = "us"): string {
  return `${sandbox.url}/${central}/${site}/apps/authorize/consent?${new URLSearchParams(params).toString()}`;
}

describe("consent page", () => {
  it("shows the app and the region's sellers, first one preselected, with no-referrer", async () => {
    const response = await fetch(consentUrl({ application_id: DEFAULT_APP.applicationId, state: "s1", version: "beta" }));
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(html).toContain(`<title>Authorize ${DEFAULT_APP.appName}</title>`);
    const form = formFields(html);
    expect(form.method).toBe("post");
    expect(form.action).toBe("/sellercentral/us/apps/authorize/confirm");
    expect(form.radios).toEqual([SELLER_NA, SELLER_NA_2]);
    expect(form.fields).toMatchObject({ application_id: DEFAULT_APP.applicationId, state: "s1", redirect_uri: REDIRECT_URI, version: "beta", selling_partner_id: SELLER_NA });
    expect(html).toMatch(/<button[^>]*>Confirm<\/button>/);
    expect(html).toMatch(/<button[^>]*>Cancel<\/button>/);
  });

  it("lists only vendor groups of the region on Vendor Central", async () => {
    const html = await (await fetch(consentUrl({ application_id: DEFAULT_APP.applicationId, state: "s", version: "beta" }, "vendorcentral", "us"))).text();
    expect(formFields(html).radios).toEqual([VENDOR_NA]);
  });

  it("lists EU accounts on an EU site", async () => {
    const html = await (await fetch(consentUrl({ application_id: DEFAULT_APP.applicationId, state: "s", version: "beta" }, "sellercentral", "de"))).text();
    expect(formFields(html).radios).toContain(SELLER_EU);
    expect(formFields(html).radios).not.toContain(SELLER_NA);
  });

  it("escapes the state it echoes", async () => {
    const html = await (await fetch(consentUrl({ application_id: DEFAULT_APP.applicationId, state: '"><script>x</script>', version: "beta" }))).text();
    expect(html).not.toContain("<script>x</script>");
    expect(formFields(html).fields.state).toBe('"><script>x</script>');
  });

  it("shows MD1000 for a draft app without version=beta", async () => {
    const response = await fetch(consentUrl({ application_id: DEFAULT_APP.applicationId, state: "s" }));
    expect(response.status).toBe(400);
    expect(errorCodeOf(await response.text())).toBe("MD1000");
  });

  it("shows MD1000 for a published app with version=beta", async () => {
    const response = await fetch(consentUrl({ application_id: PUBLISHED.applicationId, state: "s", version: "beta" }));
    expect(response.status).toBe(400);
    expect(errorCodeOf(await response.text())).toBe("MD1000");
  });

  it("shows MD5101 for an unregistered redirect_uri", async () => {
    const response = await fetch(consentUrl({ application_id: DEFAULT_APP.applicationId, state: "s", version: "beta", redirect_uri: "https://evil.example/cb" }));
    expect(response.status).toBe(400);
    expect(errorCodeOf(await response.text())).toBe("MD5101");
  });

  it("shows an error page for an unknown application_id", async () => {
    const response = await fetch(consentUrl({ application_id: "amzn1.sp.solution.nope", state: "s", version: "beta" }));
    expect(response.status).toBe(400);
    expect(errorCodeOf(await response.text())).toBe("SBX0001");
  });
});

describe("confirm and cancel", () => {
  it("redirects with state, selling_partner_id and a code the app can exchange", async () => {
    const location = await authorizeThroughConsent(sandbox, { state: "abc" });
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
    expect(location.searchParams.get("state")).toBe("abc");
    expect(location.searchParams.get("selling_partner_id")).toBe(SELLER_NA);
    const code = location.searchParams.get("spapi_oauth_code") ?? "";
    expect(code).toMatch(/^[A-Za-z0-9]{20}$/);
    const token = await lwa(sandbox, { grant_type: "authorization_code", code, redirect_uri: REDIRECT_URI, ...defaultClient });
    expect(token.status).toBe(200);
    expect(lwaTokenWithRefresh.parse(token.body)).toBeTruthy();
  });

  it("uses the account the partner picked", async () => {
    const location = await authorizeThroughConsent(sandbox, { sellingPartnerId: SELLER_NA_2 });
    expect(location.searchParams.get("selling_partner_id")).toBe(SELLER_NA_2);
  });

  it("redirects to the explicit redirect_uri and binds the code to it", async () => {
    const location = await authorizeThroughConsent(sandbox, { applicationId: PUBLISHED.applicationId, beta: false, redirectUri: "https://published.example/alt" });
    expect(location.href.startsWith("https://published.example/alt?")).toBe(true);
    const code = location.searchParams.get("spapi_oauth_code") ?? "";
    const client = { client_id: PUBLISHED.clientId, client_secret: PUBLISHED.clientSecret };
    const wrong = await lwa(sandbox, { grant_type: "authorization_code", code, redirect_uri: PUBLISHED.redirectUris[0] ?? "", ...client });
    expect(wrong.body).toMatchObject({ error: "invalid_grant" });
    const right = await lwa(sandbox, { grant_type: "authorization_code", code, redirect_uri: "https://published.example/alt", ...client });
    expect(right.status).toBe(200);
  });

  it("issues a vendor group's id from Vendor Central", async () => {
    const location = await authorizeThroughConsent(sandbox, { central: "vendorcentral" });
    expect(location.searchParams.get("selling_partner_id")).toBe(VENDOR_NA);
  });

  it("Cancel redirects with error=access_denied and the state", async () => {
    const page = await (await fetch(consentUrl({ application_id: DEFAULT_APP.applicationId, state: "cancel-me", version: "beta" }))).text();
    const form = formFields(page);
    const response = await fetch(new URL(form.action, sandbox.url), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ ...form.fields, action: "cancel" }).toString(),
      redirect: "manual",
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    const location = new URL(response.headers.get("location") ?? "");
    expect(location.searchParams.get("state")).toBe("cancel-me");
    expect(location.searchParams.get("error")).toBe("access_denied");
    expect(location.searchParams.get("spapi_oauth_code")).toBeNull();
  });

  it("refuses an account from another region posted to the confirm form", async () => {
    const response = await fetch(`${sandbox.url}/sellercentral/us/apps/authorize/confirm`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ application_id: DEFAULT_APP.applicationId, state: "s", version: "beta", redirect_uri: REDIRECT_URI, selling_partner_id: SELLER_EU, action: "confirm" }).toString(),
      redirect: "manual",
    });
    expect(response.status).toBe(400);
    expect(errorCodeOf(await response.text())).toBe("SBX0005");
  });

  it("refuses a tampered redirect_uri on confirm with MD5101", async () => {
    const response = await fetch(`${sandbox.url}/sellercentral/us/apps/authorize/confirm`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ application_id: DEFAULT_APP.applicationId, state: "s", version: "beta", redirect_uri: "https://evil.example", selling_partner_id: SELLER_NA, action: "confirm" }).toString(),
      redirect: "manual",
    });
    expect(response.status).toBe(400);
    expect(errorCodeOf(await response.text())).toBe("MD5101");
  });
});
