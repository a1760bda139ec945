// The API reference at /docs/api: anyone opens it, it renders the document served at /api/v1/openapi.json
// under the page's strict Content-Security-Policy, and it loads nothing from outside this origin.
import { expect, test } from "@playwright/test";
import { COLD_COMPILE_MS } from "../support/flows";

test("the API reference renders the OpenAPI document offline and under the CSP", async ({ page, baseURL }) => {
  const violations: string[] = [];
  const foreign: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (load|execute|apply|frame|connect)/i.test(message.text())) violations.push(message.text());
  });
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (!["data:", "blob:"].includes(url.protocol) && url.origin !== new URL(baseURL!).origin) foreign.push(request.url());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => console.error(`Content Security Policy violation: ${event.violatedDirective} blocked ${event.blockedURI}`));
  });

  const response = await page.goto("/docs/api", { timeout: COLD_COMPILE_MS });
  expect(response?.status()).toBe(200);
  // The one page whose policy allows eval (its viewer needs it); scripts still only by nonce.
  expect(response?.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic' 'unsafe-eval';/);
  const home = await page.request.get("/");
  expect(home.headers()["content-security-policy"]).not.toContain("unsafe-eval");
  // The operations of the document, as the viewer shows them.
  await expect(page.getByText("An LWA access token for one authorization").first()).toBeVisible({ timeout: COLD_COMPILE_MS });
  for (const tag of ["SP-API gateway", "Monitoring", "Meta"]) await expect(page.getByRole("button", { name: `Open Group - ${tag}` })).toBeVisible();
  await page.getByRole("button", { name: "Open Group - SP-API gateway" }).click();
  await expect(page.getByText("SP-API gateway (PATCH)").first()).toBeVisible();

  const served = await page.request.get("/api/v1/openapi.json");
  expect(served.status()).toBe(200);
  expect(served.headers()["cache-control"]).toContain("public");
  expect(((await served.json()) as { openapi: string }).openapi).toMatch(/^3\.1\./);

  expect(violations).toEqual([]);
  expect(foreign).toEqual([]);
});
