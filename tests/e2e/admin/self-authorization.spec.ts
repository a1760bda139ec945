// Self-authorization: an admin mints a refresh token for the company's own account on Seller Central's
// "Develop Apps" page (the sandbox's), pastes it into Latchkey, and the token is verified before it is kept.
import { expect, test, type Page } from "@playwright/test";
import { COLD_COMPILE_MS, SANDBOX_URL, allowColdCompiles, connectedPartner, createSandboxSeller, signInAs, uniqueEmail, type SandboxAccount } from "../support/flows";

const ADMIN = "admin@latchkey.test";

function unique(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`.toUpperCase();
}

/** Seller Central → Develop Apps → "Authorize app" for one account: the refresh token, shown once. */
async function mintRefreshToken(page: Page, account: SandboxAccount, site: string): Promise<string> {
  await page.goto(`${SANDBOX_URL}/sellercentral/${site}/apps/develop`);
  await page.getByRole("button", { name: `Authorize app for ${account.name}` }).click();
  const refreshToken = (await page.getByTestId("refresh-token").textContent())?.trim() ?? "";
  expect(refreshToken).toMatch(/^Atzr\|/);
  return refreshToken;
}

/** Fills the self-authorization form (for a new tenant when `tenant` is absent) and submits it. */
async function submitSelfAuthorization(page: Page, input: { tenant?: string; businessName?: string; region: string; refreshToken: string; sellingPartnerId?: string }): Promise<void> {
  await page.goto("/admin/self-authorize");
  await expect(page.getByRole("heading", { name: "Add a self-authorization" })).toBeVisible({ timeout: COLD_COMPILE_MS });
  if (input.tenant) {
    await page.getByLabel("Tenant").selectOption({ label: input.tenant });
  } else {
    await page.getByLabel("Tenant").selectOption({ label: "New tenant…" });
    await page.getByLabel("Business name").fill(input.businessName ?? `Own Store ${unique()}`);
    await page.getByLabel("Type").selectOption({ label: "Seller" });
    await page.getByLabel("Contact email").fill(uniqueEmail("own-account"));
  }
  await page.getByLabel("Region").selectOption({ label: input.region });
  await expect(page.getByLabel("Refresh token")).toHaveAttribute("type", "password");
  await page.getByLabel("Refresh token").fill(input.refreshToken);
  if (input.sellingPartnerId) await page.getByLabel("Selling partner or vendor group ID (optional)").fill(input.sellingPartnerId);
  await page.getByRole("button", { name: "Verify and store" }).click();
}

/** On the tenant page after storing: the banner's fingerprint, the authorization's card, and no token anywhere. */
async function expectStoredSelfAuthorization(page: Page, input: { account: SandboxAccount; refreshToken: string; marketplaces: string }): Promise<void> {
  await expect(page).toHaveURL(/\/admin\/tenants\/[^/?]+\?selfAuthorized=[^&]+$/, { timeout: COLD_COMPILE_MS });
  const fingerprint = new URL(page.url()).searchParams.get("selfAuthorized")!;
  await expect(page.getByRole("heading", { name: "Self-authorization verified and stored" })).toBeVisible();
  await expect(page.getByText(`Token fingerprint ${fingerprint}. The token itself will not be shown again.`)).toBeVisible();

  const card = page.locator("[data-slot=card]").filter({ hasText: input.account.sellingPartnerId });
  await expect(card).toHaveCount(1);
  await expect(card.getByTestId("connection-status")).toHaveText("Connected");
  const field = (name: string) => card.locator("dt", { hasText: name }).locator("xpath=following-sibling::dd[1]");
  await expect(field("Type")).toHaveText("Self-authorization");
  await expect(field("Token fingerprint")).toHaveText(fingerprint);
  await expect(field("Marketplaces")).toHaveText(input.marketplaces);
  await expect(field("Last test")).toContainText("Passed");

  // The token itself is nowhere: not in the page, not in its address.
  const html = await page.content();
  expect(html).not.toContain(input.refreshToken);
  expect(html).not.toContain(input.refreshToken.slice(5, 25));
  expect(page.url()).not.toContain(input.refreshToken.slice(5, 25));

  // The stored token works: a test from the admin page passes.
  await card.getByRole("button", { name: "Test connection" }).click();
  await expect(card.getByTestId("test-result")).toHaveText("Passed");
}

test("an admin stores a token minted on the Develop Apps page for a new tenant; only its fingerprint is ever shown", async ({ page }) => {
  allowColdCompiles();
  const account = await createSandboxSeller(page.request, { label: "Own account", marketplaces: ["United States", "Canada"] });
  const businessName = `Own Store ${unique()}`;
  await signInAs(page, ADMIN, { callbackUrl: "/admin" });
  const refreshToken = await mintRefreshToken(page, account, "us");

  await submitSelfAuthorization(page, { businessName, region: "North America", refreshToken, sellingPartnerId: account.sellingPartnerId });
  await expectStoredSelfAuthorization(page, { account, refreshToken, marketplaces: "US, CA" });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(businessName);

  await page.goto(`/admin?q=${encodeURIComponent(businessName)}`);
  const row = page.getByRole("row").filter({ hasText: businessName });
  await expect(row.getByTestId("connection-status")).toHaveText("Connected");
  await expect(row).toContainText("NA");
});

test("an admin adds a self-authorization for Europe to a tenant already connected in North America; only its fingerprint is ever shown", async ({ page, browser }) => {
  allowColdCompiles();
  const partner = await connectedPartner(browser, { label: "Both" });
  await partner.context.close();
  const account = await createSandboxSeller(page.request, { label: "Own EU account", marketplaces: ["Germany", "France"] });
  await signInAs(page, ADMIN, { callbackUrl: "/admin" });
  const refreshToken = await mintRefreshToken(page, account, "de");

  await submitSelfAuthorization(page, { tenant: `${partner.businessName} (seller)`, region: "Europe", refreshToken, sellingPartnerId: account.sellingPartnerId });
  await expectStoredSelfAuthorization(page, { account, refreshToken, marketplaces: "DE, FR" });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(partner.businessName);

  // The website connection beside it is untouched.
  const website = page.locator("[data-slot=card]").filter({ hasText: partner.account.sellingPartnerId });
  await expect(website.getByTestId("connection-status")).toHaveText("Connected");
  await expect(website.locator("dt", { hasText: "Type" }).locator("xpath=following-sibling::dd[1]")).toHaveText("Website");
});

test("a made-up token is refused in plain words and nothing is stored", async ({ page }) => {
  allowColdCompiles();
  await signInAs(page, ADMIN, { callbackUrl: "/admin" });
  const businessName = `Madeup Store ${unique()}`;
  const madeUp = `Atzr|IwEBI${unique()}madeupmadeupmadeupmadeup`;

  // Not even shaped like a token: the form says what a token looks like.
  await submitSelfAuthorization(page, { businessName, region: "North America", refreshToken: "not-a-token" });
  await expect(page.getByText("Paste the whole refresh token; it starts with Atzr|")).toBeVisible({ timeout: COLD_COMPILE_MS });
  await expect(page).toHaveURL(/\/admin\/self-authorize$/);

  // Shaped like a token, but Amazon has never issued it.
  await submitSelfAuthorization(page, { businessName, region: "North America", refreshToken: madeUp });
  await expect(page.getByRole("alert").filter({ hasText: "Amazon did not accept this refresh token." })).toContainText("nothing was stored", { timeout: COLD_COMPILE_MS });
  await expect(page).toHaveURL(/\/admin\/self-authorize$/);
  expect(await page.content()).not.toContain(madeUp);
  await expect(page.getByText("Self-authorization verified and stored")).toHaveCount(0);

  // Not even the new tenant was kept: the tenants table does not know the name.
  await page.goto(`/admin?q=${encodeURIComponent(businessName)}`);
  await expect(page.getByRole("heading", { name: "Tenants" })).toBeVisible();
  await expect(page.getByText(`No tenants match “${businessName}”.`)).toBeVisible();
});
