// The Appstore flow: a seller clicks "Authorize now" on Amazon's Selling Partner Appstore before they have
// ever heard of Latchkey, signs up on the way, and ends connected.
import { expect, test } from "@playwright/test";
import { readMagicLink } from "../support/sign-in";
import { APPLICATION_ID, COLD_COMPILE_MS, SANDBOX_URL, allowColdCompiles, createSandboxSeller, registerBusiness, signInAs, uniqueEmail } from "../support/flows";

const ADMIN = "admin@latchkey.test";

test("a signed-out seller starts at the Appstore, signs up and registers on the way, and ends connected", async ({ page, browser }) => {
  allowColdCompiles();
  const account = await createSandboxSeller(page.request, { marketplaces: ["United States"], label: "Appstore" });
  const email = uniqueEmail("appstore");
  const businessName = `Appstore Shop ${account.sellingPartnerId.slice(-8)}`;

  // Amazon's "Authorize now" sends the browser to our log-in URI, which asks a stranger to sign in first.
  await page.goto(`${SANDBOX_URL}/appstore/us/authorize?${new URLSearchParams({ application_id: APPLICATION_ID, selling_partner_id: account.sellingPartnerId, auto: "1" })}`);
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fappstore%2Flogin%3F/, { timeout: COLD_COMPILE_MS });
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page).toHaveURL(/\/sign-in\/check-email/, { timeout: COLD_COMPILE_MS });
  await page.goto(await readMagicLink(page, email));

  // Back on the log-in URI, with no business yet: registration first, and it keeps the way back.
  await expect(page).toHaveURL(/\/connect\/register\?next=%2Fappstore%2Flogin%3F/, { timeout: COLD_COMPILE_MS });
  await registerBusiness(page, { businessName, kind: "SELLER", marketplaces: ["United States"] });
  await expect(page).toHaveURL(/\/appstore\/login\?/);
  expect(new URL(page.url()).searchParams.get("selling_partner_id")).toBe(account.sellingPartnerId);
  await expect(page.getByText(`Finish connecting ${businessName}`)).toBeVisible();
  await expect(page.getByText(/finish connecting your Seller Central account in North America/)).toBeVisible();

  await page.getByRole("button", { name: "Finish on Amazon" }).click();
  await expect(page).toHaveURL(/\/connect\/connections\/[^/?]+\?connected=1$/, { timeout: COLD_COMPILE_MS });
  await expect(page.getByRole("heading", { name: "Your Seller Central account is connected" })).toBeVisible();
  await expect(page.getByTestId("connection-status")).toHaveText("Connected");
  await expect(page.getByTestId("selling-partner-id")).toHaveText(account.sellingPartnerId);
  await expect(page.getByTestId("marketplaces")).toHaveText("United States");

  // An admin sees how it was authorized.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signInAs(admin, ADMIN, { callbackUrl: `/admin?q=${encodeURIComponent(businessName)}` });
  await admin.getByRole("link", { name: businessName }).click();
  await expect(admin.getByRole("heading", { name: businessName })).toBeVisible({ timeout: COLD_COMPILE_MS });
  const card = admin.locator("[data-slot=card]").filter({ hasText: account.sellingPartnerId }).first();
  await expect(card.getByTestId("connection-status")).toHaveText("Connected");
  await expect(card.locator("dt", { hasText: "Type" }).locator("xpath=following-sibling::dd[1]")).toHaveText("Appstore");
  await adminContext.close();
});
