import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Sandbox } from "../../../sandbox/server";
import { control, DEFAULT_APP, defaultClient, errorCodeOf, lwa, SELLER_NA, VENDOR_NA, startSandbox } from "./support/sandbox-client";

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => control(sandbox, "POST", "/reset"));

function refreshWith(refreshToken: string) {
  return lwa(sandbox, { grant_type: "refresh_token", refresh_token: refreshToken, ...defaultClient });
}

async function clickAuthorize(central: string, site: string, sellingPartnerId: string): Promise<Response> {
  return fetch(`${sandbox.url}/${central}/${site}/apps/develop/authorize`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ application_id: DEFAULT_APP.applicationId, selling_partner_id: sellingPartnerId }).toString(),
  });
}

function tokenOnPage(html: string): string | undefined {
  return /data-testid="refresh-token">([^<]+)</.exec(html)?.[1];
}

describe("self-authorization", () => {
  it("lists the region's accounts with an Authorize app button each", async () => {
    const html = await (await fetch(`${sandbox.url}/sellercentral/us/apps/develop`)).text();
    expect(html).toContain("Develop Apps");
    expect(html).toContain('aria-label="Authorize app for Sandbox Seller NA 1"');
    expect(html).toContain('aria-label="Authorize app for Sandbox Seller NA 2"');
    expect(html).not.toContain("Sandbox Vendor Group NA 1");
  });

  it("shows a new, working refresh token after each click; older ones stay valid", async () => {
    const first = tokenOnPage(await (await clickAuthorize("sellercentral", "us", SELLER_NA)).text()) ?? "";
    const second = tokenOnPage(await (await clickAuthorize("sellercentral", "us", SELLER_NA)).text()) ?? "";
    expect(first).toMatch(/^Atzr\|/);
    expect(second).not.toBe(first);
    expect((await refreshWith(first)).status).toBe(200);
    expect((await refreshWith(second)).status).toBe(200);
  });

  it("works for vendor groups from Vendor Central", async () => {
    const response = await clickAuthorize("vendorcentral", "us", VENDOR_NA);
    expect(response.status).toBe(200);
    expect((await refreshWith(tokenOnPage(await response.text()) ?? "")).status).toBe(200);
  });

  it("returns a refresh token from the control API", async () => {
    const response = await control<{ refreshToken: string }>(sandbox, "POST", "/self-authorize", { sellingPartnerId: SELLER_NA });
    expect(response.status).toBe(200);
    expect((await refreshWith(response.body.refreshToken)).status).toBe(200);
  });

  it("allows a draft app 10 self-authorizations per account", async () => {
    for (let i = 0; i < 10; i += 1) {
      expect((await control(sandbox, "POST", "/self-authorize", { sellingPartnerId: SELLER_NA })).status).toBe(200);
    }
    expect((await control(sandbox, "POST", "/self-authorize", { sellingPartnerId: SELLER_NA })).status).toBe(409);
    const page = await clickAuthorize("sellercentral", "us", SELLER_NA);
    expect(page.status).toBe(400);
    expect(errorCodeOf(await page.text())).toBe("SBX0007");
    expect((await control(sandbox, "POST", "/self-authorize", { sellingPartnerId: "A2SBXSELLERNA02" })).status).toBe(200);
  });
});
