// Every way a website authorization can go wrong ends on a page that says what happened, and nothing
// connects that should not: cancelled, too slow, replayed, finished elsewhere, someone else's account.
import { expect, test } from "@playwright/test";
import {
  REGION_NAMES,
  confirmOnAmazon,
  connectedPartner,
  createSandboxSeller,
  expectConnectError,
  newPartner,
  newPartnerInOwnBrowser,
  readConnection,
  recordCallbacks,
  signInAs,
  startConnecting,
} from "../support/flows";

test("cancelling on Amazon's consent page connects nothing and says so", async ({ page }) => {
  await newPartner(page, { label: "Cancel" });
  const account = await createSandboxSeller(page.request);
  await startConnecting(page, "NA");
  await page.getByRole("radio", { name: new RegExp(account.sellingPartnerId) }).check();
  await page.getByRole("button", { name: "Cancel" }).click();

  await expectConnectError(page, "consent_cancelled");
  await expect(page.getByRole("heading", { name: "You cancelled on Amazon's page" })).toBeVisible();
  await expect(page.getByText("Nothing was connected and nothing was stored.")).toBeVisible();
  await page.getByRole("link", { name: "Start again" }).click();
  await expect(page).toHaveURL(/\/connect$/);
  await expect(page.getByText("No account connected yet.")).toBeVisible();
  await expect(page.getByRole("link", { name: `Connect ${REGION_NAMES.NA}` })).toBeVisible();
});

test("confirming after the authorization link has expired is refused, and nothing connects", async ({ page }) => {
  await newPartner(page, { label: "Slow" });
  const account = await createSandboxSeller(page.request);
  await startConnecting(page, "NA");
  // The test server's states live 30 s (OAUTH_STATE_TTL_SECONDS); the partner lingers on Amazon's page.
  test.info().setTimeout(test.info().timeout + 35_000);
  await page.waitForTimeout(31_000);
  await confirmOnAmazon(page, account);

  await expectConnectError(page, "state_expired");
  await expect(page.getByRole("heading", { name: "This link has expired" })).toBeVisible();
  // The page names the configured lifetime (30 seconds on the test server), not a fixed one.
  await expect(page.getByText("must be finished within 30 seconds of starting it")).toBeVisible();
  await page.getByRole("link", { name: "Go to your connections" }).click();
  await expect(page.getByText("No account connected yet.")).toBeVisible();
});

test("opening Amazon's redirect a second time is refused and the connection stays as it was", async ({ page }) => {
  await newPartner(page, { label: "Replay" });
  const account = await createSandboxSeller(page.request);
  const callbacks = recordCallbacks(page);
  await startConnecting(page, "NA");
  await confirmOnAmazon(page, account);
  await expect(page).toHaveURL(/\/connect\/connections\/[^/?]+\?connected=1$/, { timeout: 60_000 });
  const id = new URL(page.url()).pathname.split("/").pop()!;
  expect(callbacks).toHaveLength(1);
  const before = await readConnection(page, id);

  await page.goto(callbacks[0]!.url());
  await expectConnectError(page, "state_reused");
  await expect(page.getByRole("heading", { name: "This link was already used" })).toBeVisible();

  const after = await readConnection(page, id);
  expect(after).toEqual(before);
  expect(after.status).toBe("Connected");
});

test("Amazon's redirect opened in another browser is refused there and still works where the flow started", async ({ page, browser }) => {
  const partner = await newPartner(page, { label: "Twobrowsers" });
  const account = await createSandboxSeller(page.request);
  await startConnecting(page, "NA");

  // Browser A never reaches our callback: Amazon's redirect to it is caught on the way. (Playwright does not
  // route the hops of a redirect, so the catch is on Amazon's Confirm answer, whose Location is the callback.)
  let callbackUrl: string | undefined;
  await page.route("**/apps/authorize/confirm", async (route) => {
    const answer = await route.fetch({ maxRedirects: 0 });
    callbackUrl = answer.headers()["location"];
    await route.abort();
  });
  await confirmOnAmazon(page, account);
  await expect.poll(() => callbackUrl).toContain("/api/oauth/callback?");
  await page.unrouteAll();
  expect(new URL(callbackUrl!).searchParams.get("selling_partner_id")).toBe(account.sellingPartnerId);

  // A browser with no session and no binding cookie.
  const stranger = await browser.newContext();
  const strangerPage = await stranger.newPage();
  await strangerPage.goto(callbackUrl!);
  await expectConnectError(strangerPage, "state_other_browser");
  await expect(strangerPage.getByRole("heading", { name: "Finish in the browser where you started" })).toBeVisible();
  await stranger.close();

  // The same person signed in on a second browser: still not the browser the flow started in.
  const secondBrowser = await browser.newContext();
  const secondPage = await secondBrowser.newPage();
  await signInAs(secondPage, partner.email, { callbackUrl: "/connect" });
  await secondPage.goto(callbackUrl!);
  await expectConnectError(secondPage, "state_other_browser");
  await secondPage.goto("/connect");
  await expect(secondPage.getByText("No account connected yet.")).toBeVisible();
  await secondBrowser.close();

  // Neither attempt burned the link: browser A finishes the flow with it.
  await page.goto(callbackUrl!);
  await expect(page).toHaveURL(/\/connect\/connections\/[^/?]+\?connected=1$/, { timeout: 60_000 });
  await expect(page.getByTestId("connection-status")).toHaveText("Connected");
  await expect(page.getByTestId("selling-partner-id")).toHaveText(account.sellingPartnerId);
});

test("a selling account connected by one business cannot be taken over by another", async ({ page, browser }) => {
  const owner = await connectedPartner(browser, { label: "Owner" });
  const before = await readConnection(owner.page, owner.connectionId);

  // The second claim is neither refused nor served: it waits for an admin's review (identity-conflict.spec.ts).
  await newPartner(page, { label: "Taker" });
  await startConnecting(page, "NA");
  await confirmOnAmazon(page, owner.account);
  await expect(page).toHaveURL(/\/connect\/connections\/[^/?]+\?connected=1$/, { timeout: 60_000 });
  await expect(page.getByTestId("under-review")).toContainText("Your connection is under review");
  await expect(page.getByTestId("connection-status")).toHaveText("Under review");

  const after = await readConnection(owner.page, owner.connectionId);
  expect(after).toEqual(before);
  expect(after.status).toBe("Connected");
  await owner.context.close();
});

test("two partners connect their own accounts side by side without seeing each other's", async ({ page, browser }) => {
  const first = await newPartnerInOwnBrowser(browser, { label: "Left" });
  await newPartner(page, { label: "Right" });
  const [firstAccount, secondAccount] = await Promise.all([createSandboxSeller(page.request), createSandboxSeller(page.request)]);
  await startConnecting(first.page, "NA");
  await startConnecting(page, "NA");
  // Both are on Amazon's consent page at once; each confirms their own account.
  await confirmOnAmazon(page, secondAccount);
  await confirmOnAmazon(first.page, firstAccount);
  for (const [who, account] of [
    [first.page, firstAccount],
    [page, secondAccount],
  ] as const) {
    await expect(who).toHaveURL(/\/connect\/connections\/[^/?]+\?connected=1$/, { timeout: 60_000 });
    await expect(who.getByTestId("selling-partner-id")).toHaveText(account.sellingPartnerId);
  }
  await page.goto("/connect");
  await expect(page.getByText(firstAccount.sellingPartnerId)).toHaveCount(0);
  await first.context.close();
});
