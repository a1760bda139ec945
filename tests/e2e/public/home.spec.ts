import { expect, test } from "@playwright/test";
import { SANDBOX_URL } from "../support/flows";

test("the home page explains Latchkey and shows a healthy system on the sandbox", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Amazon account connections");
  const status = page.getByRole("region", { name: "System status" }).or(page.locator("[aria-labelledby=system-status]"));
  await expect(status).toContainText("Embedded PostgreSQL (PGlite)");
  await expect(status).toContainText("reachable");
  await expect(status).toContainText("Sandbox");
  await expect(status).toContainText("configured");
});

test("the sandbox beside the portal serves Seller Central's consent page", async ({ page }) => {
  await page.goto(`${SANDBOX_URL}/sellercentral/us/apps/authorize/consent?application_id=amzn1.sp.solution.latchkey-sandbox&state=e2e-smoke&version=beta`);
  await expect(page.getByRole("button", { name: "Confirm" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Cancel" })).toBeVisible();
});

test("an unknown page gets a plain 404", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "We couldn't find that page" })).toBeVisible();
});
