// Developer tool: screenshot a page in headless Chromium, to look at what a person sees.
//   npx tsx scripts/screenshot.ts <url> <out.png> [width=1280] [height=900] [--as <email>] [--phone]
//
// --as <email>  signs in first, the way a person does on the dev stack (`npm run dev`): asks for a link on
//               /sign-in and follows it from the development outbox (/dev/outbox). An address in ADMIN_EMAILS
//               (admin@latchkey.local under `npm run dev`) sees the admin pages.
//               With --outbox-dir <dir> the link is read from the mail drop files instead (EMAIL_OUTBOX_DIR of a
//               production build without an email provider, e.g. the end-to-end server's .data/e2e/outbox).
// --phone       also writes <out>-phone.png at a phone's width (390 × 844, touch, device scale 2).
// --locale <tag> the browser's language (Accept-Language), e.g. zh-CN or ja-JP: the partner pages follow it.
// --register <business>  with --as: a partner without a business registers one (a seller in the marketplace
//               <marketplace id>, given as --marketplace, default Amazon.com) before the shot; the business's
//               language is then the browser's.
//
// Examples, the audit log at desktop and phone width, and the consent page in Chinese:
//   npx tsx scripts/screenshot.ts http://localhost:3000/admin/audit audit.png --as admin@latchkey.local --phone
//   npx tsx scripts/screenshot.ts "http://localhost:3000/connect/consent?marketplace=ATVPDKIKX0DER" consent-zh.png \
//     --as zh@shop.test --locale zh-CN --register "深圳小店" --phone
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "@playwright/test";

const args = process.argv.slice(2);
function flag(name: string): string | true | undefined {
  const index = args.indexOf(name);
  if (index < 0) return undefined;
  const value = args[index + 1];
  args.splice(index, value && !value.startsWith("--") ? 2 : 1);
  return value && !value.startsWith("--") ? value : true;
}
const signInAs = flag("--as");
const outboxDir = flag("--outbox-dir");
const phone = flag("--phone") !== undefined;
const locale = flag("--locale");
const register = flag("--register");
const marketplace = flag("--marketplace");
const [url, out, width = "1280", height = "900"] = args;
if (!url || !out || [signInAs, outboxDir, locale, register, marketplace].includes(true) || (register && !signInAs)) {
  console.error(
    "usage: npx tsx scripts/screenshot.ts <url> <out.png> [width] [height] [--as <email>] [--phone] [--locale <tag>] [--register <business> [--marketplace <id>]]",
  );
  process.exit(2);
}

/** Signs `email` in through /sign-in and the link in the development outbox; the context keeps the session. */
async function signIn(context: BrowserContext, email: string): Promise<void> {
  const origin = new URL(url!).origin;
  const page = await context.newPage();
  await page.goto(`${origin}/sign-in`, { timeout: 180_000 });
  // By the field's type, not its label: the page may be in any language.
  await page.locator('input[type="email"]').fill(email);
  const asked = new Date();
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL(/\/sign-in\/check-email/, { timeout: 180_000 });
  const link = await newestSignInLink(page, origin, email, asked);
  await page.goto(link, { timeout: 180_000 });
  if (typeof register === "string") await page.goto(`${origin}/connect`, { timeout: 180_000 });
  if (typeof register === "string" && new URL(page.url()).pathname === "/connect/register") {
    await page.locator('input[name="name"]').fill(register);
    await page.locator('input[name="kind"][value="SELLER"]').check();
    await page.locator(`input[name="marketplaceIds"][value="${typeof marketplace === "string" ? marketplace : "ATVPDKIKX0DER"}"]`).check();
    await page.locator('form:has(input[name="name"]) button[type="submit"]').click();
    await page.waitForURL(/\/connect$/, { timeout: 180_000 });
  }
  await page.close();
}

/** The sign-in link in the newest mail drop file to `email` written after `after`. */
function linkFromOutboxDir(dir: string, email: string, after: Date): string | undefined {
  const files = readdirSync(dir).filter((f) => f.endsWith(".json")).sort().reverse();
  for (const file of files) {
    const message = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as { to: string; createdAt: string; html: string };
    if (message.to.toLowerCase() !== email.toLowerCase() || new Date(message.createdAt) < after) continue;
    const match = message.html.match(/href="([^"]*\/api\/auth\/callback\/email\?[^"]*)"/);
    if (match?.[1]) return match[1].replace(/&amp;/g, "&");
  }
  return undefined;
}

async function newestSignInLink(page: Page, origin: string, email: string, after: Date): Promise<string> {
  for (let attempt = 0; attempt < 20; attempt++) {
    if (typeof outboxDir === "string") {
      const link = linkFromOutboxDir(outboxDir, email, new Date(after.getTime() - 1_000));
      if (link) return link;
      await page.waitForTimeout(500);
      continue;
    }
    await page.goto(`${origin}/dev/outbox`, { timeout: 180_000 });
    const entry = page.getByRole("link").filter({ hasText: email }).first();
    if (await entry.count()) {
      await entry.click();
      const html = (await page.getByTestId("email-frame").getAttribute("srcdoc")) ?? "";
      const match = html.match(/href="([^"]*\/api\/auth\/callback\/email\?[^"]*)"/);
      if (match?.[1]) return match[1].replace(/&amp;/g, "&");
    }
    await page.waitForTimeout(500);
  }
  throw new Error(`no sign-in email to ${email} after ${after.toISOString()} in ${origin}/dev/outbox (is this the dev stack?)`);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const language = typeof locale === "string" ? { locale } : {};
const desktop = await browser.newContext({ viewport: { width: Number(width), height: Number(height) }, ...language });
if (typeof signInAs === "string") await signIn(desktop, signInAs);
const shots: { context: BrowserContext; path: string }[] = [{ context: desktop, path: out }];
if (phone) {
  // The phone shares the desktop's session: same cookies, a phone's screen.
  const mobile = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, storageState: await desktop.storageState(), ...language });
  shots.push({ context: mobile, path: out.replace(/(\.png)?$/, "-phone.png") });
}
for (const shot of shots) {
  const page = await shot.context.newPage();
  await page.goto(url, { waitUntil: "networkidle", timeout: 180_000 });
  await page.screenshot({ path: shot.path, fullPage: true });
  console.log(shot.path);
}
await browser.close();
