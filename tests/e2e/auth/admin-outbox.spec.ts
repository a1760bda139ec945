import { expect, test } from "@playwright/test";
import { signInAs } from "../support/sign-in";

// ADMIN_EMAILS=admin@latchkey.test on the test server (playwright.config.ts).
const ADMIN = "admin@latchkey.test";

test("an admin signs in and sees every email in the admin outbox", async ({ page }) => {
  await signInAs(page, ADMIN, { callbackUrl: "/admin/outbox" });
  await expect(page).toHaveURL(/\/admin\/outbox$/);
  await expect(page.getByRole("heading", { name: "Email outbox" })).toBeVisible();
  await expect(page.getByText("development outbox", { exact: true })).toBeVisible();
  const own = page.getByRole("link").filter({ hasText: `To ${ADMIN}` }).first();
  await expect(own).toContainText("Your Latchkey sign-in link");

  await own.click();
  await expect(page).toHaveURL(/\/admin\/outbox\/[^/]+$/);
  await expect(page.getByRole("heading", { name: "Your Latchkey sign-in link" })).toBeVisible();
  await expect(page.locator("iframe")).toHaveAttribute("srcdoc", /Sign in to Latchkey/);

  const session = (await (await page.request.get("/api/auth/session")).json()) as { user?: { role: string } };
  expect(session.user?.role).toBe("ADMIN");
});
