import { expect, test } from "@playwright/test";
import { signInAs } from "../support/sign-in";

// The whole client-secret rotation as an admin sees it: "Rotate now" → Amazon (the sandbox) accepts and
// sends the new secret to the app's SQS queue → the server's consumer stores, verifies and promotes it.
test("an admin rotates the client secret and watches the new version become current", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, "admin@latchkey.test", { callbackUrl: "/admin/app-client" });
  await expect(page.getByRole("heading", { level: 1, name: "App client" })).toBeVisible();
  await expect(page.getByText("amzn1.application-oa2-client.latchkeysandbox").first()).toBeVisible();
  const before = (await page.getByTestId("current-fingerprint").textContent())?.trim();
  expect(before).toMatch(/^[0-9a-f]{12}$/);

  await page.getByRole("button", { name: "Rotate now" }).click();
  await expect(page.getByTestId("rotation-result")).toContainText("Amazon accepted the rotation");

  // The consumer long-polls the queue; reload until the new secret is current.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("current-fingerprint")).not.toHaveText(before!);
  }).toPass({ timeout: 60_000, intervals: [2_000] });
  const versions = page.getByTestId("secret-version");
  await expect(versions.filter({ hasText: "current" })).toHaveCount(1);
  await expect(versions.filter({ hasText: "previous" })).toHaveCount(1);
  await expect(versions.filter({ hasText: "current" })).toContainText("Amazon notification");
  const rotation = page.getByTestId("rotation").first();
  await expect(rotation).toContainText("completed");
  await expect(rotation).toContainText("Version 2 is current");
  // Write-only: no secret value anywhere on the page (the paste field's placeholder "amzn1.oa2-cs.v1.…" is not one).
  expect(await page.content()).not.toMatch(/amzn1\.oa2-cs\.v1\.[A-Za-z0-9_-]{8,}/);
});
