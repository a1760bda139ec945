// The whole consent flow with the keyboard alone: from /connect (registration on the way) to "Connected",
// with Tab, Shift+Tab, Enter and Space only (and the arrow keys inside a radio group, which is how a
// keyboard picks a radio). No click, no fill: every character is typed. At every stop the focus can be seen.
import { expect, test, type Page } from "@playwright/test";
import { tabTo } from "../support/accessibility";
import { COLD_COMPILE_MS, SANDBOX_URL, allowColdCompiles, createSandboxSeller, signInAs, uniqueEmail } from "../support/flows";

/** Moves through a radio group with the arrow keys until `name`'s radio is the checked one. */
async function arrowToRadio(page: Page, name: string): Promise<void> {
  const target = page.getByRole("radio", { name });
  for (let i = 0; i < 200 && !(await target.isChecked()); i++) await page.keyboard.press("ArrowDown");
  await expect(target).toBeChecked();
  await expect(target).toBeFocused();
}

test("a partner connects an account from /connect to Connected with the keyboard only", async ({ page }) => {
  allowColdCompiles(COLD_COMPILE_MS);
  const account = await createSandboxSeller(page.request, { marketplaces: ["United States"], label: "Keyboard" });
  const businessName = `Keyboard Shop ${account.sellingPartnerId.slice(-6)}`;
  // Following the emailed sign-in link is the one navigation a person makes outside the page.
  await signInAs(page, uniqueEmail("keyboard"), { callbackUrl: "/connect" });
  await expect(page).toHaveURL(/\/connect\/register$/, { timeout: COLD_COMPILE_MS });

  // Registration: type the name, keep "Seller", tick the United States, submit with Enter.
  await tabTo(page, page.getByLabel("Business name"));
  await page.keyboard.type(businessName);
  await tabTo(page, page.getByRole("checkbox", { name: "United States", exact: true }));
  await page.keyboard.press("Space");
  await expect(page.getByRole("checkbox", { name: "United States", exact: true })).toBeChecked();
  await tabTo(page, page.getByRole("button", { name: "Continue" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/connect$/, { timeout: COLD_COMPILE_MS });
  await expect(page.getByRole("heading", { name: "Your Amazon connections" })).toBeVisible();

  // /connect → our consent page.
  await tabTo(page, page.getByRole("link", { name: "Connect North America" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/connect\/consent\?marketplace=/, { timeout: COLD_COMPILE_MS });
  await expect(page.getByRole("list", { name: "Requested permissions" })).toBeVisible();
  await tabTo(page, page.getByRole("button", { name: "Continue to Seller Central" }));
  await page.keyboard.press("Enter");

  // Amazon's (the sandbox's) consent page: into the accounts' radio group, pick ours, Confirm.
  await expect(page).toHaveURL(new RegExp(`^${SANDBOX_URL}/sellercentral/[a-z]+/apps/authorize/consent\\?`), { timeout: COLD_COMPILE_MS });
  await tabTo(page, page.getByRole("radio", { checked: true }));
  await arrowToRadio(page, `${account.name} ${account.sellingPartnerId}`);
  await tabTo(page, page.getByRole("button", { name: "Confirm" }));
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL(/\/connect\/connections\/[^/?]+\?connected=1$/, { timeout: COLD_COMPILE_MS });
  await expect(page.getByRole("heading", { name: "Your Seller Central account is connected" })).toBeVisible();
  await expect(page.getByTestId("connection-status")).toHaveText("Connected");
  await expect(page.getByTestId("selling-partner-id")).toHaveText(account.sellingPartnerId);
});
