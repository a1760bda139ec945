// An admin's lifecycle controls on a tenant's authorization, and what the partner sees of them: pausing
// sends the partner an "authorize again" email whose signed link lands (after sign-in) on reauthorization;
// lifting the pause restores the connection; the kill switch disconnects it and tells the partner.
import { expect, test, type Page } from "@playwright/test";
import { newestEmailTo } from "../support/outbox";
import { COLD_COMPILE_MS, allowColdCompiles, connectedPartner, readConnection, signInAs, tenantIdOf } from "../support/flows";

const ADMIN = "admin@latchkey.test";

function hrefs(html: string): string[] {
  return [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, "&"));
}

async function openTenantAsAdmin(page: Page, tenantId: string): Promise<void> {
  await signInAs(page, ADMIN, { callbackUrl: `/admin/tenants/${tenantId}` });
  await expect(page).toHaveURL(new RegExp(`/admin/tenants/${tenantId}$`), { timeout: COLD_COMPILE_MS });
}

test("pause, the partner's one-click link, lift, then the kill switch", async ({ browser }) => {
  allowColdCompiles(60_000);
  const partner = await connectedPartner(browser, { label: "Lifecycle" });
  const welcome = await newestEmailTo(partner.email, { template: "connected" });
  expect(welcome.subject).toBe("Your Seller Central account is connected to Latchkey");
  expect(hrefs(welcome.html).some((href) => href.endsWith(`/connect/connections/${partner.connectionId}`))).toBe(true);

  const tenantId = await tenantIdOf(partner.page);
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await openTenantAsAdmin(admin, tenantId);
  const card = admin.locator("[data-slot=card]").filter({ hasText: partner.account.sellingPartnerId });

  const pausedAt = new Date();
  await card.getByRole("button", { name: "Pause token issuance" }).click();
  await expect(card.getByText("Paused. The partner was emailed.")).toBeVisible();
  await expect(card.getByTestId("connection-status")).toHaveText("Paused");
  expect((await readConnection(partner.page, partner.connectionId)).status).toBe("Paused");

  const email = await newestEmailTo(partner.email, { template: "reauthorization-needed", after: pausedAt });
  expect(email.subject).toBe("Action needed: authorize your Seller Central connection again");
  const renew = hrefs(email.html).find((href) => href.includes("/connect/renew?token="));
  expect(renew).toBeDefined();
  const target = new URL(renew!);
  await partner.page.goto(`${target.pathname}${target.search}`);
  await expect(partner.page).toHaveURL(/\/connect\/consent\?marketplace=ATVPDKIKX0DER&reason=renewal$/, { timeout: COLD_COMPILE_MS });
  await expect(partner.page.getByText("Authorize again", { exact: true })).toBeVisible();

  // A tampered link is refused in plain words.
  await partner.page.goto(`${target.pathname}${target.search.slice(0, -4)}`);
  await expect(partner.page.getByText("This link is not valid")).toBeVisible();

  await admin.reload();
  await card.getByRole("button", { name: "Lift pause" }).click();
  await expect(card.getByText("Token issuance resumed.")).toBeVisible();
  await expect(card.getByTestId("connection-status")).toHaveText("Connected");

  const killedAt = new Date();
  await card.getByText("Revoke (kill switch)…").click();
  await card.getByRole("button", { name: "Revoke now" }).click();
  await expect(card.getByTestId("connection-status")).toHaveText("Disconnected");
  await expect(card.getByRole("button", { name: "Pause token issuance" })).toHaveCount(0);
  expect((await readConnection(partner.page, partner.connectionId)).status).toBe("Disconnected");
  const revoked = await newestEmailTo(partner.email, { template: "authorization-revoked", after: killedAt });
  expect(revoked.subject).toBe("Your Seller Central account was disconnected from Latchkey");
  await adminContext.close();
  await partner.context.close();
});

test("a partner turns renewal reminders off and the choice sticks", async ({ browser }) => {
  allowColdCompiles();
  const partner = await connectedPartner(browser, { label: "Prefs" });
  await partner.page.goto("/connect");
  await partner.page.getByRole("link", { name: "Email preferences" }).click();
  await expect(partner.page.getByRole("heading", { name: "Email preferences" })).toBeVisible({ timeout: COLD_COMPILE_MS });
  const renewal = partner.page.getByRole("checkbox", { name: /Renewal reminders/ });
  await expect(renewal).toBeChecked();
  await renewal.uncheck();
  await partner.page.getByRole("button", { name: "Save preferences" }).click();
  await expect(partner.page.getByRole("status")).toHaveText("Saved");
  await partner.page.reload();
  await expect(partner.page.getByRole("checkbox", { name: /Renewal reminders/ })).not.toBeChecked();
  await expect(partner.page.getByRole("checkbox", { name: /Unused-connection reminders/ })).toBeChecked();
  await partner.context.close();
});
