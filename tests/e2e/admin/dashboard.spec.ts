// The admin dashboard: a partner's connection breaks (the grant is revoked on Amazon's side, through the
// sandbox's control API), the failure is discovered by a connection test, an admin finds the tenant from
// the dashboard in at most three clicks, the partner connects again, and the admin's page shows it healthy.
// Partners get the ordinary 404 on every admin page and route of the dashboard.
import { expect, test, type Locator } from "@playwright/test";
import { APPLICATION_ID, COLD_COMPILE_MS, SANDBOX_URL, allowColdCompiles, confirmOnAmazon, connectedPartner, signInAs } from "../support/flows";

const ADMIN = "admin@latchkey.test";

/** Counts the admin's clicks, so "found in three clicks" is measured, not claimed. */
function clickCounter() {
  let clicks = 0;
  return {
    click: async (locator: Locator) => {
      clicks += 1;
      await locator.click();
    },
    get count() {
      return clicks;
    },
  };
}

test("an admin finds a failing tenant from the dashboard in three clicks, and the partner's reauthorization fixes it", async ({ page: admin, browser }) => {
  allowColdCompiles(60_000);
  const partner = await connectedPartner(browser, { label: "Failing" });

  // The partner removes the app in Seller Central: Amazon revokes the grant.
  const revoked = await partner.page.request.post(`${SANDBOX_URL}/_sandbox/revoke`, { data: { sellingPartnerId: partner.account.sellingPartnerId, applicationId: APPLICATION_ID } });
  expect(revoked.ok()).toBe(true);
  // The failure is discovered the next time anyone uses the connection: here, the partner's own test.
  await partner.page.goto(`/connect/connections/${partner.connectionId}`);
  await partner.page.getByRole("button", { name: "Test connection" }).click();
  await expect(partner.page.getByTestId("test-result")).toContainText("The test failed", { timeout: COLD_COMPILE_MS });

  // The admin opens the dashboard: Failing → the tenant's authorization.
  await signInAs(admin, ADMIN, { callbackUrl: "/admin" });
  await expect(admin.getByRole("heading", { name: "Tenants and authorizations" })).toBeVisible({ timeout: COLD_COMPILE_MS });
  const clicks = clickCounter();
  await clicks.click(admin.getByRole("navigation", { name: "Quick filters" }).getByRole("link", { name: "Failing" }));
  await expect(admin).toHaveURL(/\/admin\?failing=1$/);
  const row = admin.getByTestId("dashboard-row").filter({ hasText: partner.businessName });
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId("connection-status")).toHaveText("Disconnected");
  await expect(row.getByTestId("row-problem")).toHaveText("The last connection test failed");
  await clicks.click(row.getByRole("link", { name: /North America/ }));
  await expect(admin).toHaveURL(new RegExp(`/admin/authorizations/${partner.connectionId}$`), { timeout: COLD_COMPILE_MS });
  expect(clicks.count).toBeLessThanOrEqual(3);

  // What happened, in plain words: the status, why, what fixes it, and the history.
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText(`${partner.businessName} · North America`);
  await expect(admin.getByTestId("status-title")).toHaveText("Disconnected — needs attention");
  await expect(admin.getByText("Amazon no longer accepts this authorization: it was revoked in Seller Central or Vendor Central, or never granted.")).toBeVisible();
  await expect(admin.getByTestId("problems")).toContainText("The last connection test failed");
  await expect(admin.getByText("The partner connects the account again from their connection page; the history is kept.").first()).toBeVisible();
  await expect(admin.getByTestId("timeline")).toContainText("Disconnected by Amazon");
  await expect(admin.getByTestId("timeline")).toContainText("Connection tested by Partner failed: revoked");
  await expect(admin.getByTestId("last-refresh-outcome")).toHaveText("Refused: Amazon no longer accepts the refresh token (revoked or expired)");

  // The partner connects again through the ordinary portal flow.
  await partner.page.goto(`/connect/connections/${partner.connectionId}`);
  await partner.page.getByRole("link", { name: "Connect again" }).click();
  await expect(partner.page).toHaveURL(/\/connect\/consent\?marketplace=/, { timeout: COLD_COMPILE_MS });
  await partner.page.getByRole("button", { name: "Continue to Seller Central" }).click();
  await confirmOnAmazon(partner.page, partner.account);
  await expect(partner.page).toHaveURL(new RegExp(`/connect/connections/${partner.connectionId}\\?connected=1$`), { timeout: COLD_COMPILE_MS });
  await expect(partner.page.getByTestId("connection-status")).toHaveText("Connected");

  // The admin's page shows it healthy again, and it has left the failing list.
  await admin.reload();
  await expect(admin.getByTestId("status-title")).toHaveText("Connected");
  await expect(admin.getByTestId("problems")).toHaveCount(0);
  await expect(admin.getByTestId("last-test")).toContainText("Passed");
  await expect(admin.getByTestId("last-refresh-outcome")).not.toContainText("Refused");
  // Connected twice by the partner: the first time, and again after the revocation.
  await expect(admin.getByTestId("timeline").getByRole("listitem").filter({ hasText: /(Connected|Authorized again) by Partner/ })).toHaveCount(2);
  // A refresh from the admin page works with the new grant.
  await admin.getByRole("button", { name: "Refresh token now" }).click();
  await expect(admin.getByTestId("refresh-result")).toContainText("New access token, valid until");
  await admin.goto("/admin?failing=1");
  await expect(admin.getByTestId("dashboard-row").filter({ hasText: partner.businessName })).toHaveCount(0);
  await admin.goto(`/admin?q=${encodeURIComponent(partner.businessName)}`);
  await expect(admin.getByTestId("dashboard-row").filter({ hasText: partner.businessName }).getByTestId("connection-status")).toHaveText("Connected");

  // The same story in the audit log, and in its CSV export.
  await admin.goto(`/admin/authorizations/${partner.connectionId}`);
  await admin.getByRole("link", { name: "Full audit log" }).click();
  await expect(admin).toHaveURL(/\/admin\/audit\?tenant=/, { timeout: COLD_COMPILE_MS });
  await expect(admin.getByTestId("audit-row").filter({ hasText: "authorization.revoked" })).toHaveCount(1);
  await expect(admin.getByTestId("audit-row").filter({ hasText: "authorization.token_refreshed" })).toContainText(ADMIN);
  const csvHref = await admin.getByRole("link", { name: "Download CSV" }).getAttribute("href");
  const csv = await admin.request.get(csvHref!);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toMatch(/^text\/csv/);
  const text = await csv.text();
  expect(text.split("\r\n")[0]).toBe("id,at,action,description,actor_type,actor_id,actor_email,tenant_id,tenant_name,authorization_id,request_id,details");
  expect(text).toContain("authorization.revoked");
  expect(text).toContain(partner.businessName);
  expect(text).not.toMatch(/Atz[ar]\|/);
  await partner.context.close();
});

test("an admin pauses a selected authorization from the table after confirming, and asks another partner to reauthorize", async ({ page: admin, browser }) => {
  allowColdCompiles(60_000);
  const paused = await connectedPartner(browser, { label: "BulkPause" });
  const asked = await connectedPartner(browser, { label: "BulkAsk" });
  await signInAs(admin, ADMIN, { callbackUrl: `/admin?q=${encodeURIComponent(paused.businessName)}` });
  const row = admin.getByTestId("dashboard-row").filter({ hasText: paused.businessName });
  await expect(row).toHaveCount(1, { timeout: COLD_COMPILE_MS });
  await row.getByRole("checkbox").check();
  await admin.getByRole("button", { name: "Pause", exact: true }).click();
  // Nothing happens before the admin confirms.
  await expect(admin.getByTestId("confirm-pause")).toContainText("Pause 1 selected authorization?");
  await expect(row.getByTestId("connection-status")).toHaveText("Connected");
  await admin.getByRole("button", { name: "Yes, pause 1" }).click();
  await expect(admin.getByTestId("bulk-result")).toHaveText("Pause: 1 paused.", { timeout: COLD_COMPILE_MS });
  await expect(row.getByTestId("connection-status")).toHaveText("Paused");

  await admin.goto(`/admin?q=${encodeURIComponent(asked.businessName)}`);
  await admin.getByTestId("dashboard-row").filter({ hasText: asked.businessName }).getByRole("checkbox").check();
  await admin.getByRole("button", { name: "Ask to reauthorize" }).click();
  await expect(admin.getByTestId("bulk-result")).toHaveText("Ask to reauthorize: 1 asked to reauthorize.", { timeout: COLD_COMPILE_MS });
  await paused.context.close();
  await asked.context.close();
});

test("a partner gets the ordinary 404 on the dashboard's admin pages and routes", async ({ browser }) => {
  allowColdCompiles();
  const partner = await connectedPartner(browser, { label: "Curious" });
  for (const path of ["/admin", "/admin?failing=1", "/admin/audit", `/admin/authorizations/${partner.connectionId}`]) {
    const response = await partner.page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(partner.page.getByText("Tenants and authorizations")).toHaveCount(0);
  }
  const exported = await partner.page.request.get("/admin/audit/export");
  expect(exported.status()).toBe(404);
  expect(exported.headers()["content-type"]).not.toMatch(/csv/);
  await partner.context.close();
});
