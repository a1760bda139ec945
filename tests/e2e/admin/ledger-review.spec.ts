// The roles ledger's two-person review, as two admins and a partner see it: admin A picks an operation
// from the catalog and proposes it; A cannot approve it; admin B approves it and the partner's consent page
// gives its reason; B proposes removing it again, A approves, and the consent page no longer lists it.
// Each action request is also replayed, before it reaches the server, with a partner's session and with an
// API key and no session: both are refused and change nothing (the outsider table's rows for these actions).
import { expect, request as playwright, test, type APIRequestContext, type BrowserContext, type Page, type Request } from "@playwright/test";
import { COLD_COMPILE_MS, allowColdCompiles, newPartnerInOwnBrowser, signInAs } from "../support/flows";

const ADMIN_A = "admin@latchkey.test";
const ADMIN_B = "reviewer@latchkey.test"; // the second address of ADMIN_EMAILS in playwright.config.ts

async function adminPage(context: BrowserContext, email: string): Promise<Page> {
  const page = await context.newPage();
  await signInAs(page, email, { callbackUrl: "/admin/ledger" });
  await expect(page.getByRole("heading", { name: "Roles ledger", level: 1 })).toBeVisible({ timeout: COLD_COMPILE_MS });
  return page;
}

async function createApiKey(page: Page): Promise<string> {
  await page.goto("/admin/api-keys");
  await page.getByLabel("Name").fill(`ledger-outsider-${Date.now().toString(36)}`);
  await page.getByRole("button", { name: "Create API key" }).click();
  const key = (await page.getByTestId("new-api-key").textContent({ timeout: COLD_COMPILE_MS }))?.trim() ?? "";
  expect(key).toMatch(/^lk_/);
  return key;
}

interface Outsiders {
  partner: APIRequestContext;
  anonymous: APIRequestContext;
  apiKey: string;
}

/** Sends the admin's server-action request again as each outsider first: both are refused. */
async function replayAsOutsiders(request: Request, outsiders: Outsiders, baseURL: string): Promise<void> {
  const sent = request.headers();
  const headers = { "next-action": sent["next-action"]!, "content-type": sent["content-type"]!, accept: "text/x-component", origin: new URL(baseURL).origin };
  const data = request.postDataBuffer() ?? Buffer.alloc(0);
  const asPartner = await outsiders.partner.post(request.url(), { headers, data });
  expect(await asPartner.text()).toContain('"code":"not_found"');
  const withKey = await outsiders.anonymous.post(request.url(), { headers: { ...headers, authorization: `Bearer ${outsiders.apiKey}` }, data });
  expect(await withKey.text()).toContain('"code":"unauthenticated"');
}

/** Runs `act` on the page; its server-action request is replayed by the outsiders before it goes on. */
async function withOutsiderReplay(page: Page, outsiders: Outsiders, baseURL: string, act: () => Promise<void>): Promise<void> {
  let replay: Promise<void> | undefined;
  await page.route("**/admin/ledger", async (route) => {
    const request = route.request();
    if (request.method() === "POST" && request.headers()["next-action"] && !replay) {
      replay = replayAsOutsiders(request, outsiders, baseURL);
      await replay.catch(() => undefined); // the test awaits it below and fails there
    }
    await route.continue();
  });
  await act();
  await expect.poll(() => replay !== undefined).toBe(true);
  await page.unrouteAll({ behavior: "wait" }); // lets the handler pass the admin's own request on first
  await replay;
}

function proposal(page: Page, operationId: string) {
  return page.getByTestId("ledger-proposal").filter({ hasText: operationId });
}

function entry(page: Page, operationId: string) {
  return page.getByTestId("ledger-entry").filter({ hasText: operationId });
}

test("one admin proposes, a second approves; the consent page follows the ledger; outsiders are refused", async ({ browser, baseURL }) => {
  allowColdCompiles(120_000);
  const reason = `To sync your recent orders (${Date.now().toString(36)}).`;
  const contextA = await browser.newContext();
  const contextB = await browser.newContext();
  const partner = await newPartnerInOwnBrowser(browser, { label: "Ledger" });
  const anonymous = await playwright.newContext({ baseURL });
  try {
    const a = await adminPage(contextA, ADMIN_A);
    const outsiders: Outsiders = { partner: partner.context.request, anonymous, apiKey: await createApiKey(a) };
    await a.goto("/admin/ledger");
    await expect(entry(a, "getMarketplaceParticipations")).toContainText("Initial ledger, shipped with Latchkey");
    await expect(entry(a, "getOrders")).toHaveCount(0);

    // A picks getOrders from the catalog (searched by API and operation id) and proposes it.
    await a.getByLabel("Search the SP-API catalog").fill("ordersV0 getOrders");
    await a.getByRole("button", { name: "Pick getOrders (ordersV0)" }).click();
    const form = a.getByRole("form", { name: "Propose adding an operation" });
    await expect(form.getByRole("checkbox", { name: /^Inventory and Order Tracking/ })).toBeChecked();
    await form.getByLabel("Reason (shown to partners on the consent page)").fill(reason);
    await withOutsiderReplay(a, outsiders, baseURL!, () => form.getByRole("button", { name: "Propose adding it" }).click());
    await expect(form.getByRole("status")).toContainText("it waits for a second admin's approval");

    // Pending: A may only withdraw it; the partner's consent page does not have it yet.
    await a.reload();
    await expect(proposal(a, "getOrders")).toContainText(`proposed by ${ADMIN_A}`);
    await expect(proposal(a, "getOrders")).toContainText("You proposed this change: a second admin must approve it.");
    await expect(proposal(a, "getOrders").getByRole("button", { name: "Approve" })).toHaveCount(0);
    await partner.page.goto("/connect/consent?marketplace=ATVPDKIKX0DER");
    await expect(partner.page.getByRole("list", { name: "Requested permissions" })).toBeVisible({ timeout: COLD_COMPILE_MS });
    await expect(partner.page.getByText(reason)).toHaveCount(0);

    // B approves (the request replayed by outsiders first, who could not approve it for B).
    const b = await adminPage(contextB, ADMIN_B);
    await withOutsiderReplay(b, outsiders, baseURL!, () => proposal(b, "getOrders").getByRole("button", { name: "Approve" }).click());
    await expect(entry(b, "getOrders")).toContainText(reason);
    await expect(proposal(b, "getOrders")).toHaveCount(0);
    await expect(entry(b, "getOrders")).toContainText(ADMIN_B);
    await expect(entry(b, "getOrders")).toContainText(`proposed by ${ADMIN_A}`);
    await expect(b.getByRole("list", { name: "Recent ledger decisions" })).toContainText(`proposed by ${ADMIN_A}, approved by ${ADMIN_B}`);
    await partner.page.reload();
    await expect(partner.page.getByText(reason)).toBeVisible();

    // B proposes removing it again; A approves; the consent page no longer lists it.
    const row = entry(b, "getOrders");
    await row.getByText("Propose removal…").click();
    await row.getByLabel("Why remove it").fill("The order sync moved to another app.");
    await row.getByRole("button", { name: "Propose removal" }).click();
    await expect(row).toContainText("A change waits for review.");
    await a.reload();
    await expect(proposal(a, "getOrders")).toContainText("Remove");
    await proposal(a, "getOrders").getByRole("button", { name: "Approve" }).click();
    await expect(entry(a, "getOrders")).toHaveCount(0);
    await expect(a.getByRole("list", { name: "Recent ledger decisions" })).toContainText(`proposed by ${ADMIN_B}, approved by ${ADMIN_A}`);
    await partner.page.reload();
    await expect(partner.page.getByRole("list", { name: "Requested permissions" })).toBeVisible();
    await expect(partner.page.getByText(reason)).toHaveCount(0);

    // Both steps of both changes are in the audit log.
    await a.goto("/admin/audit?action=ledger.*");
    const log = a.locator("tbody");
    await expect(log.getByText("Roles ledger change proposed", { exact: true })).toHaveCount(2);
    await expect(log.getByText("Roles ledger change approved by a second admin", { exact: true })).toHaveCount(2);
  } finally {
    await anonymous.dispose();
    await Promise.all([contextA.close(), contextB.close(), partner.context.close()]);
  }
});
