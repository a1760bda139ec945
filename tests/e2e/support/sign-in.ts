// Signing in from a test the way a person does: ask for a link on /sign-in, read the newest email to that
// address (from the file outbox the test server writes), and follow the link in it.
import { expect, test, type Page } from "@playwright/test";
import { newestEmailTo } from "./outbox";

// The first sign-in on a fresh `next dev` compiles the action, the email templates, the outbox and Auth.js'
// route on demand (10-30 s); later ones take well under a second.
const COLD_COMPILE_MS = 60_000;

/** A fresh address for one test, so tests never see each other's emails or users. */
export function uniqueEmail(prefix = "partner"): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@latchkey.test`;
}

/** Submits the sign-in form and waits for the "check your email" page. */
export async function requestSignInLink(page: Page, email: string, options: { callbackUrl?: string } = {}): Promise<void> {
  test.info().setTimeout(Math.max(test.info().timeout, 3 * COLD_COMPILE_MS));
  const query = options.callbackUrl ? `?${new URLSearchParams({ callbackUrl: options.callbackUrl })}` : "";
  await page.goto(`/sign-in${query}`);
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page).toHaveURL(/\/sign-in\/check-email/, { timeout: COLD_COMPILE_MS });
}

function decodeHtmlAttribute(value: string): string {
  return value.replace(/&amp;/g, "&").replace(/&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">");
}

/** The sign-in link in the newest email to `email`, read from the file outbox. */
export async function readMagicLink(_page: Page, email: string): Promise<string> {
  const message = await newestEmailTo(email, { template: "magic-link" });
  const match = message.html.match(/href="([^"]*\/api\/auth\/callback\/email\?[^"]*)"/);
  if (!match?.[1]) throw new Error(`no sign-in link in the newest email to ${email}`);
  return decodeHtmlAttribute(match[1]);
}

/** Signs `page` in as `email` through the magic link and returns once the link has been followed. */
export async function signInAs(page: Page, email: string, options: { callbackUrl?: string } = {}): Promise<void> {
  await requestSignInLink(page, email, options);
  const link = await readMagicLink(page, email);
  await page.goto(link, { timeout: COLD_COMPILE_MS });
  await expect(page).not.toHaveURL(/\/api\/auth\//);
}
