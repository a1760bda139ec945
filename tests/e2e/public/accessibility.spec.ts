// Accessibility: every page of the app, as each audience sees it, has no serious or critical axe violation
// (WCAG 2.1 A and AA rules plus axe's best practices). The list of pages below is checked against the app's
// files (every page.tsx under app/, and the not-found page), so a new page fails the first test until it is
// added here with a URL that shows it. Each audience's pages are visited in one test that reports every
// finding at the end, so one run shows everything there is to fix.
import { readdirSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { formatFindings, seriousViolations, type AxeFinding } from "../support/accessibility";
import {
  APPLICATION_ID,
  COLD_COMPILE_MS,
  SANDBOX_URL,
  allowColdCompiles,
  connectRegion,
  createSandboxSeller,
  registerBusiness,
  signInAs,
  tenantIdOf,
  uniqueEmail,
} from "../support/flows";
import { newestEmailTo } from "../support/outbox";

type Audience = "public" | "partner" | "admin" | "development";

interface World {
  connectionId: string;
  tenantId: string;
  emailId: string;
  sellingPartnerId: string;
}

interface PageEntry {
  audience: Audience;
  url?: string | ((w: World) => string);
  /** For a page drawn in the browser after it loads: text that shows once it is drawn. */
  readyText?: string;
  note?: string;
}

// prettier-ignore
const PAGES: Record<string, PageEntry> = {
  "/":                                { audience: "public",  url: "/" },
  "/sign-in":                         { audience: "public",  url: "/sign-in" },
  "/sign-in/check-email":             { audience: "public",  url: "/sign-in/check-email" },
  "/sign-in/error":                   { audience: "public",  url: "/sign-in/error?error=Verification" },
  "/connect/error":                   { audience: "public",  url: "/connect/error?code=state_reused" },
  "(not found)":                      { audience: "public",  url: "/no-such-page" },
  "/docs/api":                        { audience: "public",  url: "/docs/api", readyText: "An LWA access token for one authorization", note: "the API reference (the Scalar viewer) for integrators; its colours are darkened to AA contrast (components/docs/api-reference.tsx)" },
  "/connect/link/consent":            { audience: "public",  url: "/connect/link/consent", note: "without a link's session it sends the visitor to /connect/link/done, which says so; with one, it shows the consent summary /connect/consent shows" },
  "/connect/link/done":               { audience: "public",  url: "/connect/link/done?outcome=link_used" },
  "/connect/register":                { audience: "partner", note: "visited on the way, before the business is registered" },
  "/connect":                         { audience: "partner", url: "/connect" },
  "/connect/consent":                 { audience: "partner", url: "/connect/consent?marketplace=A1F83G8C2ARO7P" },
  "/connect/connections/[id]":        { audience: "partner", url: (w) => `/connect/connections/${w.connectionId}?connected=1` },
  "/connect/preferences":             { audience: "partner", url: "/connect/preferences" },
  "/connect/renew":                   { audience: "partner", url: "/connect/renew?token=not-a-real-token" },
  "/appstore/login":                  { audience: "partner", url: (w) => `${SANDBOX_URL}/appstore/us/authorize?${new URLSearchParams({ application_id: APPLICATION_ID, selling_partner_id: w.sellingPartnerId, auto: "1" })}`, note: "Amazon's Appstore sends the signed-in partner to it" },
  "/admin":                           { audience: "admin",   url: "/admin" },
  "/admin/alerts":                    { audience: "admin",   url: "/admin/alerts" },
  "/admin/api-keys":                  { audience: "admin",   url: "/admin/api-keys" },
  "/admin/app-client":                { audience: "admin",   url: "/admin/app-client" },
  "/admin/audit":                     { audience: "admin",   url: "/admin/audit" },
  "/admin/authorizations/[id]":       { audience: "admin",   url: (w) => `/admin/authorizations/${w.connectionId}`, note: "connected, then again once revoked" },
  "/admin/health":                    { audience: "admin",   url: "/admin/health" },
  "/admin/ledger":                    { audience: "admin",   url: "/admin/ledger" },
  "/admin/webhooks":                  { audience: "admin",   url: "/admin/webhooks" },
  "/admin/webhooks/[id]":             { audience: "admin",   note: "needs a registered endpoint: tests/e2e/admin/webhooks.spec.ts registers one and walks its page" },
  "/admin/monitoring":                { audience: "admin",   url: "/admin/monitoring" },
  "/admin/outbox":                    { audience: "admin",   url: "/admin/outbox" },
  "/admin/outbox/[id]":               { audience: "admin",   url: (w) => `/admin/outbox/${w.emailId}` },
  "/admin/self-authorize":            { audience: "admin",   url: "/admin/self-authorize" },
  "/admin/tenants/[id]":              { audience: "admin",   url: (w) => `/admin/tenants/${w.tenantId}` },
  "/dev/outbox":                      { audience: "development", note: "a 404 on the production test server; checked on the dev stack by tests/dev/dev-stack.test.ts, and its list and email view are the ones /admin/outbox shows" },
  "/dev/outbox/[id]":                 { audience: "development", note: "as /dev/outbox: the same EmailView as /admin/outbox/[id]" },
};

function projectDir(...segments: string[]): string {
  return path.join(process.cwd(), ...segments);
}

/** app/(partner)/connect/connections/[id]/page.tsx → /connect/connections/[id] (route groups dropped). */
function urlPattern(file: string): string {
  const segments = path.dirname(file).split(path.sep).filter((s) => s !== "." && !/^\(.*\)$/.test(s) && !s.startsWith("@"));
  return `/${segments.join("/")}`;
}

function pagesInApp(): string[] {
  const files = readdirSync(projectDir("app"), { recursive: true, encoding: "utf8" });
  const pages = files.filter((f) => path.basename(f) === "page.tsx").map(urlPattern);
  if (files.some((f) => f === "not-found.tsx")) pages.push("(not found)");
  return pages.sort();
}

test("every page of the app is in the accessibility list", () => {
  const listed = Object.keys(PAGES).sort();
  const found = pagesInApp();
  expect(found.filter((p) => !listed.includes(p)), "pages without an entry: add each with a URL that shows it").toEqual([]);
  expect(listed.filter((p) => !found.includes(p)), "entries whose page no longer exists").toEqual([]);
});

function urlOf(entry: PageEntry, w: World): string {
  if (!entry.url) throw new Error("no url");
  return typeof entry.url === "function" ? entry.url(w) : entry.url;
}

async function check(page: Page, label: string, findings: AxeFinding[]): Promise<void> {
  // Client components (charts, polled lists) settle after hydration; axe reads the page as a person meets it.
  await page.waitForLoadState("networkidle").catch(() => undefined);
  findings.push(...(await seriousViolations(page, label)));
}

async function visit(page: Page, name: string, w: World, findings: AxeFinding[]): Promise<void> {
  const response = await page.goto(urlOf(PAGES[name]!, w), { timeout: COLD_COMPILE_MS });
  expect(response?.status(), `${name} answers`).toBeLessThan(500);
  expect(new URL(page.url()).origin, `${name} is one of the app's pages`).toBe(new URL(test.info().project.use.baseURL!).origin);
  const { readyText } = PAGES[name]!;
  if (readyText) await expect(page.getByText(readyText).first()).toBeVisible({ timeout: COLD_COMPILE_MS });
  await check(page, name, findings);
}

function expectNoFindings(findings: AxeFinding[]): void {
  expect(findings, `serious or critical accessibility violations:\n${formatFindings(findings)}`).toEqual([]);
}

test("public pages and error pages have no serious or critical violations", async ({ page }) => {
  allowColdCompiles();
  const findings: AxeFinding[] = [];
  const none = {} as World;
  for (const [name, entry] of Object.entries(PAGES)) {
    if (entry.audience === "public" && entry.url) await visit(page, name, none, findings);
  }
  expectNoFindings(findings);
  // Titles say where you are; every 404 reads the same.
  await page.goto("/sign-in");
  await expect(page).toHaveTitle("Sign in · Latchkey");
  await page.goto("/no-such-page");
  await expect(page).toHaveTitle("Page not found · Latchkey");
  await expect(page.locator('link[rel="icon"]').first()).toHaveAttribute("href", /icon/);
  expect((await page.request.get("/icon.svg")).headers()["content-type"]).toContain("image/svg+xml");
  const appleIcon = await page.locator('link[rel="apple-touch-icon"]').first().getAttribute("href");
  expect(appleIcon).toBeTruthy();
  const appleIconAnswer = await page.request.get(appleIcon!);
  expect(appleIconAnswer.status()).toBe(200);
  expect(appleIconAnswer.headers()["content-type"]).toContain("image/png");
});

test("partner and admin pages have no serious or critical violations", async ({ page, browser }) => {
  allowColdCompiles(6 * COLD_COMPILE_MS);
  const findings: AxeFinding[] = [];

  // A new partner: registration, then a connected account (every partner page has something to show).
  const email = uniqueEmail("a11y");
  await signInAs(page, email, { callbackUrl: "/connect" });
  await expect(page).toHaveURL(/\/connect\/register$/, { timeout: COLD_COMPILE_MS });
  await check(page, "/connect/register", findings);
  await registerBusiness(page, { businessName: `A11y Shop ${Date.now().toString(36)}`, kind: "SELLER", marketplaces: ["United States"] });
  const account = await createSandboxSeller(page.request, { label: "A11y" });
  const connectionId = await connectRegion(page, "NA", account);
  const w: World = { connectionId, tenantId: await tenantIdOf(page), emailId: (await newestEmailTo(email)).id, sellingPartnerId: account.sellingPartnerId };
  for (const [name, entry] of Object.entries(PAGES)) {
    if (entry.audience === "partner" && entry.url) await visit(page, name, w, findings);
  }
  // A partner on an admin page: the ordinary 404, whose title gives nothing away.
  await page.goto(`/admin/tenants/${w.tenantId}`);
  await expect.soft(page).toHaveTitle("Page not found · Latchkey");

  // The admin's pages, with that partner's records to show.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signInAs(admin, "admin@latchkey.test", { callbackUrl: "/admin" });
  for (const [name, entry] of Object.entries(PAGES)) {
    if (entry.audience === "admin" && entry.url) await visit(admin, name, w, findings);
  }
  await admin.goto("/admin/audit");
  await expect.soft(admin).toHaveTitle("Audit log · Latchkey");
  await admin.goto(`/admin/tenants/${w.tenantId}`);
  await expect.soft(admin).toHaveTitle(/^A11y Shop \S+ · Tenant · Latchkey$/);

  // The API key form's tenant picker, open, with a search typed.
  await admin.goto("/admin/api-keys");
  await admin.getByRole("button", { name: /Limit to tenants/ }).click();
  await admin.getByRole("combobox", { name: /Search tenants/ }).fill("A11y");
  await expect(admin.getByRole("option").first()).toBeVisible();
  await check(admin, "/admin/api-keys (tenant picker open)", findings);

  // A disconnected authorization: its Lifecycle card says what can still be done.
  await admin.goto(`/admin/authorizations/${connectionId}`);
  await admin.getByText("Revoke (kill switch)…").click();
  await admin.getByRole("button", { name: "Revoke now" }).click();
  await expect(admin.getByTestId("lifecycle-nothing-to-do")).toContainText("ask the partner to connect it again", { timeout: COLD_COMPILE_MS });
  await admin.reload();
  await expect(admin.getByTestId("lifecycle-nothing-to-do")).toBeVisible();
  await check(admin, "/admin/authorizations/[id] (revoked)", findings);
  await adminContext.close();

  expectNoFindings(findings);
});
