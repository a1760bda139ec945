import { expect, test } from "@playwright/test";
import { readMagicLink, requestSignInLink, signInAs, uniqueEmail } from "../support/sign-in";

test("a partner asks for a link, sees where to find it, and lands where they were going", async ({ page }) => {
  const email = uniqueEmail();
  await requestSignInLink(page, email, { callbackUrl: "/?from=sign-in" });
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await expect(page.getByText(`We sent a sign-in link to ${email}.`)).toBeVisible();
  // A production server never offers the development outbox, and it does not exist there.
  await expect(page.getByRole("link", { name: "Open the development outbox" })).toHaveCount(0);
  expect((await page.request.get("/dev/outbox")).status()).toBe(404);
  const link = await readMagicLink(page, email);
  expect(new URL(link).searchParams.get("callbackUrl")).toContain("/?from=sign-in");

  await page.goto(link);
  await expect(page).toHaveURL(/\/\?from=sign-in$/);
  const session = (await (await page.request.get("/api/auth/session")).json()) as { user?: { email: string; role: string; tenantId: string | null } };
  expect(session.user).toMatchObject({ email, role: "PARTNER", tenantId: null });

  await page.goto("/sign-in");
  await expect(page.getByText(`Signed in as ${email}.`)).toBeVisible();
});

test("a sign-in link works once: the second visit explains it and offers a new one", async ({ page, browser }) => {
  const email = uniqueEmail();
  await requestSignInLink(page, email);
  const link = await readMagicLink(page, email);
  await page.goto(link);
  await expect(page).toHaveURL(/\/$/);

  const other = await browser.newContext();
  const second = await other.newPage();
  await second.goto(link);
  await expect(second).toHaveURL(/\/sign-in\/error\?error=Verification/);
  await expect(second.getByRole("heading", { name: "This sign-in link has expired or was already used" })).toBeVisible();
  await second.getByRole("link", { name: "Send a new link" }).click();
  await expect(second).toHaveURL(/\/sign-in$/);
  const session = (await (await second.request.get("/api/auth/session")).json()) as unknown;
  expect(session).toBeNull();
  await other.close();
});

test("a link whose token is unknown (expired and cleared, or mistyped) shows the same plain explanation", async ({ page }) => {
  const email = uniqueEmail();
  await requestSignInLink(page, email);
  const link = new URL(await readMagicLink(page, email));
  link.searchParams.set("token", "0".repeat(64));
  await page.goto(link.toString());
  await expect(page.getByRole("heading", { name: "This sign-in link has expired or was already used" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Send a new link" })).toBeVisible();
});

test("a partner who opens an admin page gets the ordinary 404", async ({ page }) => {
  await signInAs(page, uniqueEmail());
  const response = await page.goto("/admin/outbox");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "We couldn't find that page" })).toBeVisible();
  await expect(page.getByText("Email outbox")).toHaveCount(0);
});

test("someone signed out who opens an admin page is asked to sign in, and is sent back to the admin side", async ({ page }) => {
  await page.goto("/admin/outbox");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fadmin/);
  await expect(page.getByRole("heading", { name: "Sign in to Latchkey" })).toBeVisible();
  await expect(page.locator('input[name="callbackUrl"]')).toHaveValue(/^\/admin/);
});

test("a sign-in link never sends anyone to another site", async ({ page }) => {
  const email = uniqueEmail();
  await signInAs(page, email, { callbackUrl: "//evil.example/steal" });
  await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/$/);
  expect(page.url()).not.toContain("evil");
});

test("signing out ends the session", async ({ page }) => {
  const email = uniqueEmail();
  await signInAs(page, email, { callbackUrl: "/sign-in" });
  await expect(page.getByText(`Signed in as ${email}.`)).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
  const session = (await (await page.request.get("/api/auth/session")).json()) as unknown;
  expect(session).toBeNull();
  await page.goto("/sign-in");
  await expect(page.getByRole("button", { name: "Email me a sign-in link" })).toBeVisible();
});

test("the sign-in form explains a mistyped address", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill("not-an-address");
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByText("Enter a valid email address, like name@company.com.")).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in$/);
});
