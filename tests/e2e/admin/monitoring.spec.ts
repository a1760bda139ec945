import { expect, test } from "@playwright/test";
import { allowColdCompiles, connectedPartner } from "../support/flows";
import { signInAs } from "../support/sign-in";

// An admin's monitoring screens against a real connected seller: the connection's own test call is on the
// charts, a later test call appears at the next 30-second refresh without a reload, the health checklist
// lists it, shows the preflight onboarding ran, runs it again for real, and the alert check and the alerts list's refresh work.
test("an admin sees a new connection on the monitoring, health and alerts pages and preflights it", async ({ page, browser }) => {
  allowColdCompiles(60_000);
  const partner = await connectedPartner(browser, { label: "Monitored" });

  // The admin's clock is faked so the 30-second refresh can be fast-forwarded.
  await page.clock.install();
  await signInAs(page, "admin@latchkey.test", { callbackUrl: "/admin/monitoring?range=1h" });
  await expect(page.getByRole("heading", { level: 1, name: "Monitoring" })).toBeVisible();
  const charts = page.getByTestId("outcome-charts");
  await expect(charts.getByText("SP-API error rates (% of calls, UTC)")).toBeVisible();
  await expect(charts.locator("svg.recharts-surface").first()).toBeVisible();
  await expect(page.getByTestId("refresh-note")).toContainText(/^Updated \d\d:\d\d:\d\d UTC; refreshes every 30 seconds\.$/);
  const calls = page.getByTestId("summary-SP-API calls").locator("dd");
  const before = Number(await calls.textContent());
  expect(before).toBeGreaterThan(0);
  await page.screenshot({ path: "test-results/admin-monitoring.png", fullPage: true });

  // The partner tests the connection (one more SP-API call); the admin's charts show it without a reload.
  await partner.page.goto(`/connect/connections/${partner.connectionId}`);
  await partner.page.getByRole("button", { name: "Test connection" }).click();
  await expect(partner.page.getByTestId("test-result")).toContainText("The connection works");
  await partner.context.close();
  await expect(calls).toHaveText(String(before));
  const refreshed = page.waitForResponse((r) => r.url().includes("/admin/monitoring/data?range=1h") && r.status() === 200);
  await page.clock.fastForward("00:31");
  await refreshed;
  await expect(calls).toHaveText(String(before + 1));
  await expect(page.getByTestId("refresh-note")).toContainText("refreshes every 30 seconds");

  // The JSON behind it, for the admin: a bad period is refused with a stable code.
  const bad = await page.request.get("/admin/monitoring/data?range=2y", { failOnStatusCode: false });
  expect(bad.status()).toBe(422);
  expect(((await bad.json()) as { error: { code: string } }).error.code).toBe("invalid_input");

  await page.getByRole("navigation", { name: "On-call pages" }).getByRole("link", { name: "Health" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Health" })).toBeVisible();
  await page.goto("/admin/health?show=all");
  await expect(page.getByRole("heading", { level: 1, name: "Health" })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: partner.businessName });
  await expect(row).toContainText(partner.account.sellingPartnerId);
  await row.getByRole("link", { name: "Preflight" }).click();
  // Onboarding already ran one as the account was connected; the admin runs it again for real.
  const result = page.getByTestId("preflight-result");
  await expect(result).toContainText("run when the account was connected");
  await expect(result).toContainText("The connection issued a token and Amazon answered a test call with it.");
  await page.getByRole("button", { name: "Run preflight" }).click();
  await expect(result).toContainText("Preflight passed: this authorization can be enabled for jobs.", { timeout: 30_000 });
  await expect(result).toContainText("A fresh token was issued and Amazon answered a test call with it.");
  // Billing standing is not recorded on a fresh install: a warning, not a pass.
  await expect(result).toContainText("One check below needs a look, but does not block jobs.");
  await expect(result.getByRole("listitem").filter({ hasText: "Billing and client secret in standing" })).toContainText("Check this");
  await page.screenshot({ path: "test-results/admin-health.png", fullPage: true });

  await page.goto("/admin/alerts");
  await expect(page.getByRole("heading", { level: 1, name: "Alerts" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "On-call pages" }).getByRole("link", { name: "Alerts" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("open-alert-count")).toHaveText(/^(No alert is open\.|\d+ alerts? (is|are) open\.)$/);
  await expect(page.getByTestId("refresh-note")).toContainText("refreshes every 30 seconds");
  await page.getByRole("button", { name: "Check now" }).click();
  await expect(page.getByRole("status")).toContainText(/\d+ fired, \d+ resolved, \d+ open\./);
  const alertsRefreshed = page.waitForResponse((r) => r.url().includes("/admin/alerts/data?state=all") && r.status() === 200);
  await page.clock.fastForward("00:31");
  await alertsRefreshed;
  await expect(page.getByTestId("refresh-note")).toContainText("refreshes every 30 seconds");
  await page.screenshot({ path: "test-results/admin-alerts.png", fullPage: true });
});
