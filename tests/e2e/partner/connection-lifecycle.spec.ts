// After connecting: authorizing again (a new token, the history kept) and disconnecting.
import { expect, test } from "@playwright/test";
import {
  REMOVE_APP_INSTRUCTIONS,
  confirmOnAmazon,
  connectRegion,
  continueFromConsentPage,
  createSandboxSeller,
  historyItems,
  newPartner,
  readConnection,
  tokenFingerprint,
} from "../support/flows";

test("a seller authorizes again: a renewal banner, a new token fingerprint, and the history says so", async ({ page }) => {
  await newPartner(page, { label: "Renew" });
  const account = await createSandboxSeller(page.request);
  const id = await connectRegion(page, "NA", account);
  const before = await readConnection(page, id);
  expect(before.fingerprint).toMatch(/\w/);

  await page.getByRole("link", { name: "Authorize again" }).click();
  await expect(page).toHaveURL(/\/connect\/consent\?marketplace=ATVPDKIKX0DER&reason=renewal$/);
  await expect(page.getByText("Authorize again", { exact: true })).toBeVisible();
  await expect(page.getByText(/Amazon asks sellers to authorize apps again every year/)).toBeVisible();
  await continueFromConsentPage(page);
  await confirmOnAmazon(page, account);

  await expect(page).toHaveURL(new RegExp(`/connect/connections/${id}\\?reauthorized=1$`), { timeout: 60_000 });
  await expect(page.getByRole("heading", { name: "Authorized again" })).toBeVisible();
  await expect(page.getByText(/Your connection is renewed until/)).toBeVisible();
  await expect(page.getByTestId("connection-status")).toHaveText("Connected");
  await expect(page.getByTestId("selling-partner-id")).toHaveText(account.sellingPartnerId);
  await expect(tokenFingerprint(page)).not.toHaveText(before.fingerprint);
  await expect(tokenFingerprint(page)).not.toHaveText("—");
  // Newest first: the renewal above the first connection, which stays in the history.
  await expect(historyItems(page).filter({ hasText: "Authorized again" })).toHaveCount(1);
  await expect(historyItems(page).filter({ hasText: /^Connected/ })).toHaveCount(1);
  await expect(historyItems(page).filter({ hasText: "Authorization started" })).toHaveCount(2);
  const history = (await historyItems(page).locator("span").allTextContents()).map((label) => label.trim());
  expect(history.indexOf("Authorized again")).toBeLessThan(history.indexOf("Connected"));

  // Still one connection for North America, not a second one.
  await page.goto("/connect");
  await expect(page.getByRole("link", { name: /Seller Central · North America/ })).toHaveCount(1);
});

test("a seller disconnects: the page says Disconnected, explains how to remove the app on Amazon, stops offering a test, and can connect again", async ({ page }) => {
  await newPartner(page, { label: "Leave" });
  const account = await createSandboxSeller(page.request);
  const id = await connectRegion(page, "NA", account);
  await expect(page.getByRole("button", { name: "Test connection" })).toBeVisible();

  await page.getByText("Disconnect this account…").click();
  await expect(page.getByText(/We will delete the authorization token right away/)).toBeVisible();
  await page.getByRole("button", { name: "Disconnect", exact: true }).click();

  await expect(page).toHaveURL(new RegExp(`/connect/connections/${id}\\?disconnected=1$`));
  await expect(page.getByTestId("connection-status")).toHaveText("Disconnected");
  await expect(page.getByRole("heading", { name: "Disconnected" })).toBeVisible();
  await expect(page.getByText(REMOVE_APP_INSTRUCTIONS.SELLER)).toBeVisible();
  await expect(page.getByText("You disconnected this account from Latchkey.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Test connection" })).toHaveCount(0);
  await expect(page.getByText("Disconnect this account…")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Connect again" })).toBeVisible();
  await expect(historyItems(page).filter({ hasText: /^Disconnected/ })).toHaveCount(1);

  // The list shows it disconnected too; a reload keeps it so (it is not just the banner).
  const after = await readConnection(page, id);
  expect(after.status).toBe("Disconnected");
  expect(after.fingerprint).toBe("—"); // the token is gone; its fingerprint lives on only in the history
  await page.goto("/connect");
  await expect(page.getByRole("link", { name: /Seller Central · North America/ }).getByTestId("connection-status")).toHaveText("Disconnected");
  await expect(page.getByRole("link", { name: "Connect North America" })).toBeVisible();

  // Changing their mind later: "Connect again" runs the ordinary flow and brings the same connection back.
  await page.goto(`/connect/connections/${id}`);
  await page.getByRole("link", { name: "Connect again" }).click();
  await continueFromConsentPage(page);
  await confirmOnAmazon(page, account);
  await expect(page).toHaveURL(new RegExp(`/connect/connections/${id}\\?connected=1$`), { timeout: 60_000 });
  await expect(page.getByTestId("connection-status")).toHaveText("Connected");
  await expect(tokenFingerprint(page)).not.toHaveText(after.fingerprint);
  await expect(historyItems(page).filter({ hasText: /^Connected/ })).toHaveCount(2);
  await expect(historyItems(page).filter({ hasText: /^Disconnected/ })).toHaveCount(1);
});
