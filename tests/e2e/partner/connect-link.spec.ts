// Onboarding embedded in another product (issue 15 §2): a host app creates a tenant and a connect link
// through the management API, its user's browser opens the link, consents on Amazon (the sandbox) without
// a Latchkey account, and lands back on the host app with the authorization id and the outcome.
import { expect, test } from "@playwright/test";
import { COLD_COMPILE_MS, SANDBOX_URL, allowColdCompiles, confirmOnAmazon, createSandboxSeller } from "../support/flows";
import { HOST_APP_ORIGIN, startHostApp, type HostApp } from "../support/host-app";
import { signInAs } from "../support/sign-in";

let host: HostApp | undefined;

test.afterEach(async () => {
  await host?.close();
  host = undefined;
});

/** An admin creates a management API key on the admin page (every scope is ticked by default). */
async function managementKey(page: import("@playwright/test").Page): Promise<string> {
  await signInAs(page, "admin@latchkey.test", { callbackUrl: "/admin/api-keys" });
  await expect(page.getByRole("heading", { name: "API keys" })).toBeVisible({ timeout: COLD_COMPILE_MS });
  await expect(page.getByText("Management", { exact: true })).toBeVisible();
  await page.getByLabel("Name").fill(`host-app-${Date.now().toString(36)}`);
  await page.getByRole("button", { name: "Create API key" }).click();
  const key = (await page.getByTestId("new-api-key").textContent({ timeout: COLD_COMPILE_MS }))?.trim() ?? "";
  expect(key).toMatch(/^lk_/);
  return key;
}

test("a host app's user connects through a connect link and lands back on the host app", async ({ browser, baseURL, request }) => {
  allowColdCompiles(60_000);
  const adminContext = await browser.newContext();
  const apiKey = await managementKey(await adminContext.newPage());
  await adminContext.close();
  const externalId = `host-user-${Date.now().toString(36)}`;
  host = await startHostApp({ latchkeyUrl: baseURL!, apiKey, externalId });
  const account = await createSandboxSeller(request, { marketplaces: ["United States"], label: "Host" });

  // The host app's user, never signed in to Latchkey, in a browser of their own.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${HOST_APP_ORIGIN}/onboard`, { timeout: COLD_COMPILE_MS });
  await expect(page).toHaveURL(/\/connect\/link\/consent$/, { timeout: COLD_COMPILE_MS });
  await expect(page.getByTestId("link-consent-title")).toContainText("Host App Customer");
  await expect(page.getByRole("list", { name: "Requested permissions" })).toBeVisible();
  await page.getByRole("button", { name: "Continue to Seller Central" }).click();
  await expect(page).toHaveURL(new RegExp(`^${SANDBOX_URL}/sellercentral/us/apps/authorize/consent\\?`), { timeout: COLD_COMPILE_MS });
  await confirmOnAmazon(page, account);

  await expect(page).toHaveURL(new RegExp(`^${HOST_APP_ORIGIN}/amazon/done\\?`), { timeout: COLD_COMPILE_MS });
  await expect(page.getByTestId("outcome")).toHaveText("connected");
  await expect(page.getByTestId("ref")).toHaveText("host-42");
  const { authorizationId } = host.returns[0]!;
  expect(authorizationId).toBeTruthy();

  // The host app's worker finds the authorization through the API: the seller's, active, never a token.
  const detail = await request.get(`/api/v1/authorizations/${authorizationId}`, { headers: { authorization: `Bearer ${apiKey}` } });
  expect(detail.status()).toBe(200);
  const body = (await detail.json()) as Record<string, unknown>;
  expect(body).toMatchObject({ id: authorizationId, status: "ACTIVE", region: "NA", sellingPartnerId: account.sellingPartnerId, tenantExternalId: externalId });
  expect(JSON.stringify(body)).not.toMatch(/Atza\||Atzr\|/);
  const found = await request.get(`/api/v1/authorizations?sellingPartnerId=${account.sellingPartnerId}&region=NA`, { headers: { authorization: `Bearer ${apiKey}` } });
  expect(((await found.json()) as { data: { id: string }[] }).data.map((a) => a.id)).toEqual([authorizationId]);

  // The link is spent: opening it again says so, in plain words.
  await page.goto(host.links[0]!);
  await expect(page).toHaveURL(/\/connect\/link\/done\?outcome=link_used$/);
  await expect(page.getByText("This link was already used")).toBeVisible();
  await context.close();

  // The same spent link in a German browser: the page speaks German.
  const german = await browser.newContext({ locale: "de-DE" });
  const inGerman = await german.newPage();
  await inGerman.goto(host.links[0]!);
  await expect(inGerman).toHaveURL(/\/connect\/link\/done\?outcome=link_used$/);
  await expect(inGerman.getByText("Dieser Link wurde bereits verwendet")).toBeVisible();
  await german.close();
});
