// Every kind of page works under the Content-Security-Policy (proxy.ts): public, sign-in, partner, admin
// (the charts too), the outbox's email frame and the error pages. Each answer carries a nonce-based policy
// that forbids framing, Next's scripts run (they carry the nonce), and no page reports a CSP violation.
// The dev outbox shares the outbox's email view; it is a 404 on this production build, as it should be.
import { expect, test, type Page } from "@playwright/test";
import { allowColdCompiles, COLD_COMPILE_MS, connectRegion, createSandboxSeller, newPartner, signInAs, tenantIdOf } from "../support/flows";

const ADMIN = "admin@latchkey.test";

/** Collects CSP violations on `page`: the browser's console reports and the DOM's violation events. */
function watchViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (load|execute|apply|frame|connect)/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
  });
  void page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`Content Security Policy violation: ${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });
  return violations;
}

/** Opens `path`, checks the policy on its answer and that Next's scripts ran. */
async function visit(page: Page, path: string, expectedStatus = 200): Promise<void> {
  const response = await page.goto(path, { timeout: COLD_COMPILE_MS });
  expect(response?.status(), path).toBe(expectedStatus);
  const policy = response?.headers()["content-security-policy"] ?? "";
  expect(policy, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
  expect(policy, path).toContain("frame-ancestors 'none'");
  expect(policy, path).not.toContain("unsafe-eval");
  // APP_URL is http here: no HSTS (a browser would then refuse plain http to localhost for two years).
  expect(response?.headers()["strict-transport-security"], path).toBeUndefined();
  await page.waitForLoadState("networkidle");
  expect(await page.evaluate(() => "next" in window), `${path}: Next's scripts ran`).toBe(true);
}

test("every page works under the Content-Security-Policy, without a violation", async ({ page, browser }) => {
  allowColdCompiles(360_000);
  const violations = watchViolations(page);

  for (const path of ["/", "/sign-in", "/sign-in?callbackUrl=%2Fconnect", "/sign-in/check-email", "/sign-in/error?error=Verification"]) await visit(page, path);
  await visit(page, "/no-such-page", 404);
  await visit(page, "/dev/outbox", 404);

  // A partner signs in (the form is a server action), registers and connects: every partner page.
  await newPartner(page, { label: "Csp" });
  const account = await createSandboxSeller(page.request, { label: "Csp" });
  const connectionId = await connectRegion(page, "NA", account);
  for (const path of ["/connect", "/connect/preferences", `/connect/connections/${connectionId}`, "/connect/consent?marketplace=ATVPDKIKX0DER", "/connect/error?code=state_expired"]) {
    await visit(page, path);
  }
  const tenantId = await tenantIdOf(page);

  // The admin, in a browser of their own: every admin page, the charts, and an email in the outbox's frame.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  const adminViolations = watchViolations(admin);
  await signInAs(admin, ADMIN, { callbackUrl: "/admin" });
  await expect(admin.getByRole("heading", { name: "Tenants and authorizations" })).toBeVisible({ timeout: COLD_COMPILE_MS });
  for (const path of [
    "/admin",
    "/admin/monitoring?range=1h",
    "/admin/health",
    "/admin/alerts",
    "/admin/api-keys",
    "/admin/ledger",
    "/admin/app-client",
    "/admin/audit",
    "/admin/self-authorize",
    `/admin/tenants/${tenantId}`,
    `/admin/authorizations/${connectionId}`,
    "/admin/outbox",
  ]) {
    await visit(admin, path);
  }
  await admin.getByRole("link").filter({ hasText: `To ${ADMIN}` }).first().click();
  await expect(admin).toHaveURL(/\/admin\/outbox\/[^/]+$/);
  await expect(admin.frameLocator("iframe").getByRole("heading", { name: "Sign in to Latchkey" })).toBeVisible();
  await adminContext.close();

  expect([...violations, ...adminViolations]).toEqual([]);
});

test("a page refuses to be framed by another site", async ({ page }) => {
  const response = await page.goto("/sign-in");
  expect(response?.headers()["x-frame-options"]).toBe("DENY");
  expect(response?.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
});

test("markup injected into a page cannot run script, and the browser reports it", async ({ page }) => {
  const violations = watchViolations(page);
  await visit(page, "/sign-in");
  await page.evaluate(() => document.body.insertAdjacentHTML("beforeend", `<img alt="" src="data:," onerror="document.documentElement.dataset.injected = 'ran'">`));
  await expect.poll(() => violations.length).toBeGreaterThan(0);
  expect(await page.evaluate(() => document.documentElement.dataset.injected)).toBeUndefined();
});
