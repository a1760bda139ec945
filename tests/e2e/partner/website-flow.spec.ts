// The website authorization flow as a seller and as a vendor: register, read what is granted, confirm on
// Amazon's (the sandbox's) consent page, come back to a connection that works.
import { expect, test } from "@playwright/test";
import { SANDBOX_URL, confirmOnAmazon, connectionIdOf, createSandboxSeller, createSandboxVendor, historyItems, newPartner, recordCallbacks, startConnecting, tokenFingerprint } from "../support/flows";

test("a seller connects North America on Seller Central and sees a working connection", async ({ page }) => {
  const partner = await newPartner(page, { label: "Seller", marketplaces: ["United States", "Canada"] });
  const account = await createSandboxSeller(page.request, { marketplaces: ["United States", "Canada", "Mexico"] });
  await expect(page.getByText(partner.businessName)).toBeVisible();
  await expect(page.getByText("No account connected yet.")).toBeVisible();

  await startConnecting(page, "NA");
  const callbacks = recordCallbacks(page);
  const callbackResponse = page.waitForResponse((response) => new URL(response.url()).pathname === "/api/oauth/callback");
  await confirmOnAmazon(page, account);

  // Amazon's redirect lands on our callback once, with the account chosen; our redirect onwards tells the
  // browser not to pass the code and state on, and not to keep the answer.
  const response = await callbackResponse;
  expect(response.status()).toBe(303);
  expect(response.headers()["referrer-policy"]).toBe("no-referrer");
  expect(response.headers()["cache-control"]).toContain("no-store");
  expect(callbacks).toHaveLength(1);
  expect(new URL(callbacks[0]!.url()).searchParams.get("selling_partner_id")).toBe(account.sellingPartnerId);

  await expect(page).toHaveURL(/\/connect\/connections\/[^/?]+\?connected=1$/, { timeout: 60_000 });
  await expect(page.getByRole("heading", { name: "Your Seller Central account is connected" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Seller Central · North America");
  await expect(page.getByTestId("connection-status")).toHaveText("Connected");
  await expect(page.getByTestId("selling-partner-id")).toHaveText(account.sellingPartnerId);
  await expect(page.getByTestId("marketplaces")).toHaveText("United States, Canada, Mexico");
  await expect(tokenFingerprint(page)).not.toHaveText("—");
  await expect(page.getByTestId("last-test")).toContainText("Passed");
  await expect(historyItems(page).filter({ hasText: /^Connected/ })).toHaveCount(1);
  await expect(historyItems(page).filter({ hasText: "Authorization started" })).toHaveCount(1);
  const id = connectionIdOf(page);

  // "Test connection" asks Amazon again and says so.
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByTestId("test-result")).toContainText("The connection works");

  // The connections list shows it, and no longer offers to connect North America.
  await page.getByRole("link", { name: "← All connections" }).click();
  await expect(page).toHaveURL(/\/connect$/);
  const card = page.getByRole("link", { name: /Seller Central · North America/ });
  await expect(card).toContainText(account.sellingPartnerId);
  await expect(card.getByTestId("connection-status")).toHaveText("Connected");
  await expect(card).toHaveAttribute("href", `/connect/connections/${id}`);
  await expect(page.getByRole("link", { name: "Connect North America" })).toHaveCount(0);
  await expect(page.getByText("No account connected yet.")).toHaveCount(0);
});

test("a vendor connects Europe on Vendor Central and the vendor group id is recorded", async ({ page }) => {
  await newPartner(page, { label: "Vendor", kind: "VENDOR", marketplaces: ["Germany"] });
  const group = await createSandboxVendor(page.request, { region: "EU" });
  await expect(page.getByText(/Each connection lets us work with your Vendor Central account/)).toBeVisible();

  await page.getByRole("link", { name: "Connect Europe" }).click();
  await expect(page.getByRole("heading", { name: "Connect your Vendor Central account · Europe" })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText("Your vendor group ID, the marketplaces you sell in")).toBeVisible();
  await page.getByRole("button", { name: "Continue to Vendor Central" }).click();
  await expect(page).toHaveURL(new RegExp(`^${SANDBOX_URL.replace(/[.]/g, "\\.")}/vendorcentral/de/apps/authorize/consent\\?`));
  await expect(page.getByText("(EU region, Vendor Central)")).toBeVisible();
  await confirmOnAmazon(page, group);

  await expect(page).toHaveURL(/\/connect\/connections\/[^/?]+\?connected=1$/, { timeout: 60_000 });
  await expect(page.getByRole("heading", { name: "Your Vendor Central account is connected" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Vendor Central · Europe");
  await expect(page.getByTestId("connection-status")).toHaveText("Connected");
  await expect(page.getByTestId("selling-partner-id")).toHaveText(group.sellingPartnerId);
  await expect(page.getByTestId("last-test")).toContainText("Passed");
  await expect(historyItems(page).filter({ hasText: /^Connected/ })).toHaveCount(1);

  await page.goto("/connect");
  await expect(page.getByRole("link", { name: /Vendor Central · Europe/ })).toContainText(group.sellingPartnerId);
});
