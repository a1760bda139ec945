// Issue 12 #1: a partner who consents for their own account and edits `selling_partner_id` in Amazon's redirect
// (as anyone can in the address bar) to another business's id is not refused and locks nobody out: the
// connection is under review, the real owner keeps working, and an admin sees both fingerprints and resolves it.
import { expect, test } from "@playwright/test";
import { COLD_COMPILE_MS, SANDBOX_URL, allowColdCompiles, confirmOnAmazon, connectedPartner, connectionIdOf, createSandboxSeller, newPartnerInOwnBrowser, readConnection, signInAs, startConnecting } from "../support/flows";

const ADMIN = "admin@latchkey.test";

test("a tampered redirect is held for review, and the admin keeps the real owner", async ({ browser }) => {
  allowColdCompiles(120_000);
  const owner = await connectedPartner(browser, { label: "Owner" });
  const impostor = await newPartnerInOwnBrowser(browser, { label: "Impostor", marketplaces: ["United States"] });
  const ownAccount = await createSandboxSeller(impostor.page.request, { label: "Impostor", marketplaces: ["United States"] });

  // Stop at Amazon's redirect, then open it again with the owner's id typed in, as a person would. (A route
  // never sees a redirect's target, so the consent form's answer is fetched here and its Location kept.)
  await startConnecting(impostor.page, "NA");
  let redirect: URL | undefined;
  const fromAmazon = (url: URL) => url.href.startsWith(SANDBOX_URL);
  await impostor.page.route(fromAmazon, async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    const response = await route.fetch({ maxRedirects: 0 });
    const location = response.headers()["location"];
    if (location && new URL(location).pathname === "/api/oauth/callback") {
      redirect = new URL(location);
      return route.fulfill({ status: 200, contentType: "text/html", body: "<p>Stopped before the callback.</p>" });
    }
    return route.fulfill({ response });
  });
  await confirmOnAmazon(impostor.page, ownAccount);
  await expect.poll(() => redirect?.searchParams.get("selling_partner_id")).toBe(ownAccount.sellingPartnerId);
  await impostor.page.unroute(fromAmazon);
  redirect!.searchParams.set("selling_partner_id", owner.account.sellingPartnerId);
  await impostor.page.goto(redirect!.toString());

  await expect(impostor.page).toHaveURL(/\/connect\/connections\/[^/?]+\?connected=1$/, { timeout: COLD_COMPILE_MS });
  await expect(impostor.page.getByTestId("under-review")).toContainText("Your connection is under review");
  await expect(impostor.page.getByTestId("connection-status")).toHaveText("Under review");
  const claimId = connectionIdOf(impostor.page);
  // The real owner is not locked out.
  expect((await readConnection(owner.page, owner.connectionId)).status).toBe("Connected");

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signInAs(admin, ADMIN, { callbackUrl: `/admin/authorizations/${owner.connectionId}` });
  await expect(admin).toHaveURL(new RegExp(`/admin/authorizations/${owner.connectionId}$`), { timeout: COLD_COMPILE_MS });
  const notice = admin.getByTestId("identity-conflict");
  await expect(notice).toContainText(`${impostor.businessName} also claims ${owner.account.sellingPartnerId}`);
  await expect(notice.getByTestId("claimed-fingerprint")).toContainText(ownAccount.name);
  await expect(notice.getByTestId("held-fingerprint")).toContainText(owner.account.name);

  await notice.getByRole("button", { name: `Keep ${owner.businessName}'s, revoke ${impostor.businessName}'s` }).click();
  // The page refreshes without the conflict once it is resolved.
  await expect(admin.getByTestId("identity-conflict")).toHaveCount(0);
  await admin.goto(`/admin/authorizations/${claimId}`);
  await expect(admin.getByTestId("connection-status")).toHaveText("Disconnected");
  await expect(admin.getByTestId("identity-conflict")).toHaveCount(0);
  expect((await readConnection(owner.page, owner.connectionId)).status).toBe("Connected");
  expect((await readConnection(impostor.page, claimId)).status).toBe("Disconnected");
  // A disconnected connection shows no passed test and no renewal counting down (issue 13 §5).
  await expect(impostor.page.getByTestId("last-test")).toHaveText("None since it was disconnected");
  await expect(impostor.page.getByTestId("renewal-due")).not.toContainText("days");
});
