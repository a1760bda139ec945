// The whole partner journey in the seller's language: a browser that asks for German (or Japanese) gets the
// sign-in page, the sign-in email, the registration form, the consent page with its roles explanations, the
// connected page and the welcome email in that language; a choice in the switcher is saved and wins over the
// browser's language from then on.
import { expect, test, type Page } from "@playwright/test";
import { allowColdCompiles, COLD_COMPILE_MS, SANDBOX_URL, confirmOnAmazon, createSandboxSeller, type MarketplaceName } from "../support/flows";
import { newestEmailTo } from "../support/outbox";
import { uniqueEmail } from "../support/sign-in";

interface Words {
  signInHeading: string;
  emailLabel: string;
  sendLink: string;
  checkEmail: string;
  magicLinkSubject: string;
  registerHeading: string;
  businessName: string;
  seller: RegExp;
  marketplace: string;
  continueLabel: string;
  connectionsHeading: string;
  connectRegion: string;
  consentHeading: string;
  permissions: string;
  roleText: string;
  continueToCentral: string;
  connectedHeading: string;
  connectedStatus: string;
  welcomeSubject: string;
}

const GERMAN: Words = {
  signInHeading: "Bei Latchkey anmelden",
  emailLabel: "E-Mail-Adresse",
  sendLink: "Anmeldelink per E-Mail senden",
  checkEmail: "Prüfen Sie Ihre E-Mails",
  magicLinkSubject: "Ihr Anmeldelink für Latchkey",
  registerHeading: "Erzählen Sie uns von Ihrem Unternehmen",
  businessName: "Name des Unternehmens",
  seller: /^Verkäufer/,
  marketplace: "Deutschland",
  continueLabel: "Weiter",
  connectionsHeading: "Ihre Amazon-Verbindungen",
  connectRegion: "Europa verbinden",
  consentHeading: "Ihr Seller Central-Konto verbinden · Europa",
  permissions: "Angefragte Berechtigungen",
  roleText: "Grundlegende Angaben zu Ihrem Konto lesen",
  continueToCentral: "Weiter zu Seller Central",
  connectedHeading: "Ihr Seller Central-Konto ist verbunden",
  connectedStatus: "Verbunden",
  welcomeSubject: "Ihr Seller Central-Konto ist mit Latchkey verbunden",
};

const JAPANESE: Words = {
  signInHeading: "Latchkey にログイン",
  emailLabel: "メールアドレス",
  sendLink: "ログインリンクをメールで受け取る",
  checkEmail: "メールをご確認ください",
  magicLinkSubject: "Latchkey のログインリンク",
  registerHeading: "事業者情報を入力してください",
  businessName: "事業者名",
  seller: /^出品者/,
  marketplace: "日本",
  continueLabel: "次へ",
  connectionsHeading: "Amazon との連携",
  connectRegion: "極東を連携する",
  consentHeading: "セラーセントラルアカウントを連携 · 極東",
  permissions: "求める権限",
  roleText: "アカウントの基本情報",
  continueToCentral: "セラーセントラルへ進む",
  connectedHeading: "セラーセントラルアカウントが連携されました",
  connectedStatus: "連携済み",
  welcomeSubject: "セラーセントラルアカウントが Latchkey と連携されました",
};

function decodeHtmlAttribute(value: string): string {
  return value.replace(/&amp;/g, "&").replace(/&#x27;/g, "'").replace(/&quot;/g, '"');
}

/** Sign-in → registration → consent → Amazon → connected, asserting each page speaks `words`' language. */
async function walk(page: Page, lang: string, words: Words, sandboxMarketplace: MarketplaceName): Promise<{ email: string }> {
  allowColdCompiles(COLD_COMPILE_MS);
  const email = uniqueEmail(`i18n-${lang}`);
  const account = await createSandboxSeller(page.request, { marketplaces: [sandboxMarketplace] });

  await page.goto(`/sign-in?${new URLSearchParams({ callbackUrl: "/connect" })}`);
  await expect(page.locator("html")).toHaveAttribute("lang", lang);
  await expect(page.getByRole("heading", { name: words.signInHeading })).toBeVisible({ timeout: COLD_COMPILE_MS });
  await page.getByLabel(words.emailLabel).fill(email);
  await page.getByRole("button", { name: words.sendLink }).click();
  await expect(page).toHaveURL(/\/sign-in\/check-email/, { timeout: COLD_COMPILE_MS });
  await expect(page.getByRole("heading", { name: words.checkEmail })).toBeVisible();

  // The sign-in email is in the language of the page it was asked for on.
  const magic = await newestEmailTo(email, { template: "magic-link" });
  expect(magic.subject).toBe(words.magicLinkSubject);
  expect(magic.html).toContain(`lang="${lang}"`);
  const link = magic.html.match(/href="([^"]*\/api\/auth\/callback\/email\?[^"]*)"/)?.[1];
  expect(link).toBeTruthy();
  await page.goto(decodeHtmlAttribute(link!), { timeout: COLD_COMPILE_MS });

  await expect(page).toHaveURL(/\/connect\/register$/, { timeout: COLD_COMPILE_MS });
  await expect(page.getByRole("heading", { name: words.registerHeading })).toBeVisible({ timeout: COLD_COMPILE_MS });
  await page.getByLabel(words.businessName).fill(`Shop ${lang} ${Date.now().toString(36)}`);
  await page.getByRole("radio", { name: words.seller }).check();
  await page.getByRole("checkbox", { name: words.marketplace, exact: true }).check();
  await page.getByRole("button", { name: words.continueLabel, exact: true }).click();

  await expect(page).toHaveURL(/\/connect$/, { timeout: COLD_COMPILE_MS });
  await expect(page.getByRole("heading", { name: words.connectionsHeading })).toBeVisible({ timeout: COLD_COMPILE_MS });
  await page.getByRole("link", { name: words.connectRegion }).click();

  // The consent page, roles explanations included, is translated.
  await expect(page.getByRole("heading", { name: words.consentHeading })).toBeVisible({ timeout: COLD_COMPILE_MS });
  await expect(page.getByRole("list", { name: words.permissions })).toContainText(words.roleText);
  await page.getByRole("button", { name: words.continueToCentral }).click();
  await expect(page).toHaveURL(new RegExp(`^${SANDBOX_URL}/sellercentral/`), { timeout: COLD_COMPILE_MS });
  await confirmOnAmazon(page, account);

  await expect(page).toHaveURL(/\/connect\/connections\/[^/?]+\?connected=1$/, { timeout: COLD_COMPILE_MS });
  await expect(page.getByRole("heading", { name: words.connectedHeading })).toBeVisible();
  await expect(page.getByTestId("connection-status")).toHaveText(words.connectedStatus);
  await expect(page.getByTestId("marketplaces")).toContainText(words.marketplace);

  // The welcome email follows the language saved at registration.
  const welcome = await newestEmailTo(email, { template: "connected", timeoutMs: 30_000 });
  expect(welcome.subject).toBe(words.welcomeSubject);
  return { email };
}

test.describe("in German", () => {
  test.use({ locale: "de-DE" });

  test("a seller signs in, reads what is granted and connects Europe, all in German", async ({ page }) => {
    await walk(page, "de", GERMAN, "Germany");
  });
});

test.describe("in Japanese", () => {
  test.use({ locale: "ja-JP" });

  test("a seller connects the Far East in Japanese, then switches to English and the choice is kept", async ({ page }) => {
    await walk(page, "ja", JAPANESE, "Japan");

    // The switcher saves the choice on the business: English from now on, though the browser still asks for Japanese.
    await page.getByLabel("言語").selectOption("en");
    await expect(page.getByRole("heading", { name: "Your Seller Central account is connected" })).toBeVisible({ timeout: COLD_COMPILE_MS });
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.context().clearCookies({ name: "latchkey-locale" });
    await page.goto("/connect");
    await expect(page.getByRole("heading", { name: "Your Amazon connections" })).toBeVisible({ timeout: COLD_COMPILE_MS });
  });
});
