import { expect, test } from "@playwright/test";
import { allowColdCompiles, connectedPartner } from "../support/flows";
import { signInAs } from "../support/sign-in";

// An admin's monitoring screens against a real connected seller: the connection's own test call is on the
// charts, the health checklist lists it, its preflight runs for real, and the alert check finds nothing wrong.
test("an admin sees a new connection on the monitoring, health and alerts pages and preflights it", async ({ page, browser }) => {
  allowColdCompiles(60_000);
  const partner = await connectedPartner(browser, { label: "Monitored" });
  await partner.context.close();

  await signInAs(page, "admin@latchkey.test", { callbackUrl: "/admin/monitoring?range=1h" });
  await expect(page.getByRole("heading", { level: 1, name: "Monitoring" })).toBeVisible();
  const charts = page.getByTestId("outcome-charts");
  await expect(charts.getByText("SP-API error rates (% of calls, UTC)")).toBeVisible();
  await expect(charts.locator("svg.recharts-surface").first()).toBeVisible();
  await page.screenshot({ path: "test-results/admin-monitoring.png", fullPage: true });

  await page.goto("/admin/health?show=all");
  await expect(page.getByRole("heading", { level: 1, name: "Health" })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: partner.businessName });
  await expect(row).toContainText(partner.account.sellingPartnerId);
  await row.getByRole("link", { name: "Preflight" }).click();
  await page.getByRole("button", { name: "Run preflight" }).click();
  const result = page.getByTestId("preflight-result");
  await expect(result).toContainText("Preflight passed: this authorization can be enabled for jobs.", { timeout: 30_000 });
  await expect(result).toContainText("A fresh token was issued and Amazon answered a test call with it.");
  await page.screenshot({ path: "test-results/admin-health.png", fullPage: true });

  await page.goto("/admin/alerts");
  await expect(page.getByRole("heading", { level: 1, name: "Alerts" })).toBeVisible();
  await page.getByRole("button", { name: "Check now" }).click();
  await expect(page.getByRole("status")).toContainText(/\d+ fired, \d+ resolved, \d+ open\./);
  await page.screenshot({ path: "test-results/admin-alerts.png", fullPage: true });
});
