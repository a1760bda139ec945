// Reusable steps of the partner onboarding, done the way a person does them in the browser: register a
// business, read the consent page, pick an account on Amazon's (the sandbox's) consent page, come back.
// Every test makes its own partner and its own sandbox account, so tests can run alone or in any order.
import { expect, test, type APIRequestContext, type Browser, type BrowserContext, type Locator, type Page, type Request } from "@playwright/test";
import { signInAs, uniqueEmail } from "./sign-in";

/** The sandbox beside the dev server (playwright.config.ts). */
export const SANDBOX_URL = `http://127.0.0.1:${process.env.E2E_SANDBOX_PORT ?? 4200}`;
export const APPLICATION_ID = "amzn1.sp.solution.latchkey-sandbox";

/** The first request to a page of a cold server (or one `next dev` compiles on demand) can take this long. */
export const COLD_COMPILE_MS = 60_000;

export type Region = "NA" | "EU" | "FE";
export type Kind = "SELLER" | "VENDOR";

export const REGION_NAMES: Record<Region, string> = { NA: "North America", EU: "Europe", FE: "Far East" };

/** Marketplaces by their name on the registration form. */
export const MARKETPLACES = {
  "United States": { id: "ATVPDKIKX0DER", region: "NA", site: "us" },
  Canada: { id: "A2EUQ1WTGCTBG2", region: "NA", site: "ca" },
  Mexico: { id: "A1AM78C64UM0Y8", region: "NA", site: "mx" },
  Brazil: { id: "A2Q3Y263D00KWC", region: "NA", site: "br" },
  "United Kingdom": { id: "A1F83G8C2ARO7P", region: "EU", site: "uk" },
  Germany: { id: "A1PA6795UKMFR9", region: "EU", site: "de" },
  France: { id: "A13V1IB3VIYZZH", region: "EU", site: "fr" },
  Japan: { id: "A1VC38T7YXB528", region: "FE", site: "jp" },
} as const satisfies Record<string, { id: string; region: Region; site: string }>;

export type MarketplaceName = keyof typeof MARKETPLACES;

/** What the partner's page says a remover should do on Amazon's side (lib/authorizations/status-copy.ts). */
export const REMOVE_APP_INSTRUCTIONS: Record<Kind, string> = {
  SELLER: "In Seller Central, open Apps and Services → Manage Your Apps, find this app and choose Remove.",
  VENDOR: "In Vendor Central, open Integration → API Integration, find this app and remove its authorization.",
};

/** Gives the current test room for a few cold compiles on top of its own work. */
export function allowColdCompiles(extraMs = 0): void {
  test.info().setTimeout(Math.max(test.info().timeout, 3 * COLD_COMPILE_MS + extraMs));
}

function suffix(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`.toUpperCase();
}

// ---------------------------------------------------------------------------------------------------
// Sandbox (Amazon) accounts

export interface SandboxAccount {
  sellingPartnerId: string;
  name: string;
  type: "seller" | "vendor";
  region: Region;
  marketplaces: string[];
}

/** Adds a seller account only this test uses (`POST /_sandbox/accounts`). */
export async function createSandboxSeller(request: APIRequestContext, options: { marketplaces?: MarketplaceName[]; label?: string } = {}): Promise<SandboxAccount> {
  const names = options.marketplaces ?? ["United States", "Canada"];
  const id = suffix();
  const account: SandboxAccount = {
    sellingPartnerId: `A2E2E${id}`,
    name: `E2E ${options.label ?? "Seller"} ${id}`,
    type: "seller",
    region: MARKETPLACES[names[0]!].region,
    marketplaces: names.map((name) => MARKETPLACES[name].id),
  };
  const response = await request.post(`${SANDBOX_URL}/_sandbox/accounts`, { data: account });
  expect(response.ok(), await response.text()).toBe(true);
  return account;
}

/** Adds a vendor group only this test uses. */
export async function createSandboxVendor(request: APIRequestContext, options: { region?: Region; label?: string } = {}): Promise<SandboxAccount & { vendorCodes: string[] }> {
  const id = suffix();
  const account = {
    sellingPartnerId: `amzn1.vg.E2E${id}`,
    name: `E2E ${options.label ?? "Vendor"} ${id}`,
    type: "vendor" as const,
    region: options.region ?? "EU",
    marketplaces: [],
    vendorCodes: [`E2E${id.slice(-6)}`],
  };
  const response = await request.post(`${SANDBOX_URL}/_sandbox/accounts`, { data: account });
  expect(response.ok(), await response.text()).toBe(true);
  return account;
}

// ---------------------------------------------------------------------------------------------------
// Partners

export interface Partner {
  page: Page;
  email: string;
  businessName: string;
  kind: Kind;
}

/** Fills and submits the registration form on /connect/register; waits to leave it. */
export async function registerBusiness(page: Page, options: { businessName: string; kind: Kind; marketplaces: MarketplaceName[]; contactEmail?: string }): Promise<void> {
  await expect(page.getByRole("heading", { name: "Tell us about your business" })).toBeVisible({ timeout: COLD_COMPILE_MS });
  await page.getByLabel("Business name").fill(options.businessName);
  await page.getByRole("radio", { name: options.kind === "SELLER" ? /^Seller/ : /^Vendor/ }).check();
  if (options.contactEmail) await page.getByLabel("Contact email").fill(options.contactEmail);
  for (const name of options.marketplaces) await page.getByRole("checkbox", { name, exact: true }).check();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).not.toHaveURL(/\/connect\/register/, { timeout: COLD_COMPILE_MS });
}

/** Signs a new person in on `page`, lets /connect send them to registration, registers, lands on /connect. */
export async function newPartner(page: Page, options: { kind?: Kind; marketplaces?: MarketplaceName[]; label?: string } = {}): Promise<Partner> {
  allowColdCompiles();
  const kind = options.kind ?? "SELLER";
  const email = uniqueEmail(options.label ?? "partner");
  const businessName = `${options.label ?? "Shop"} ${suffix()}`;
  await signInAs(page, email, { callbackUrl: "/connect" });
  await expect(page).toHaveURL(/\/connect\/register$/, { timeout: COLD_COMPILE_MS });
  await registerBusiness(page, { businessName, kind, marketplaces: options.marketplaces ?? ["United States"] });
  await expect(page).toHaveURL(/\/connect$/);
  await expect(page.getByRole("heading", { name: "Your Amazon connections" })).toBeVisible({ timeout: COLD_COMPILE_MS });
  return { page, email, businessName, kind };
}

/** A partner in a browser of their own (a fresh context: own cookies), for tests with two people. */
export async function newPartnerInOwnBrowser(browser: Browser, options: Parameters<typeof newPartner>[1] = {}): Promise<Partner & { context: BrowserContext }> {
  const context = await browser.newContext();
  const partner = await newPartner(await context.newPage(), options);
  return { ...partner, context };
}

// ---------------------------------------------------------------------------------------------------
// The website authorization flow

/** From /connect: "Connect <Region>" → our consent page → "Continue to Seller/Vendor Central" → Amazon's consent page. */
export async function startConnecting(page: Page, region: Region, kind: Kind = "SELLER"): Promise<void> {
  if (!/\/connect$/.test(new URL(page.url()).pathname)) await page.goto("/connect");
  await page.getByRole("link", { name: `Connect ${REGION_NAMES[region]}` }).click();
  await continueFromConsentPage(page, kind);
}

/** On /connect/consent: check what is being asked for and continue to Amazon. */
export async function continueFromConsentPage(page: Page, kind: Kind = "SELLER"): Promise<void> {
  const central = kind === "SELLER" ? "Seller Central" : "Vendor Central";
  await expect(page).toHaveURL(/\/connect\/consent\?marketplace=/, { timeout: COLD_COMPILE_MS });
  await expect(page.getByRole("heading", { name: new RegExp(`Connect your ${central} account`) })).toBeVisible({ timeout: COLD_COMPILE_MS });
  await expect(page.getByRole("list", { name: "Requested permissions" })).toBeVisible();
  await page.getByRole("button", { name: `Continue to ${central}` }).click();
  await expect(page).toHaveURL(new RegExp(`^${SANDBOX_URL}/${kind === "SELLER" ? "sellercentral" : "vendorcentral"}/[a-z]+/apps/authorize/consent\\?`), { timeout: COLD_COMPILE_MS });
}

/** On Amazon's consent page: the radio of one account (label: name and selling partner id). */
export function accountChoice(page: Page, account: Pick<SandboxAccount, "name" | "sellingPartnerId">): Locator {
  return page.getByRole("radio", { name: `${account.name} ${account.sellingPartnerId}` });
}

/** On Amazon's consent page: choose the account and confirm. */
export async function confirmOnAmazon(page: Page, account: Pick<SandboxAccount, "name" | "sellingPartnerId">): Promise<void> {
  await accountChoice(page, account).check();
  await page.getByRole("button", { name: "Confirm" }).click();
}

/** The id in /connect/connections/<id>. */
export function connectionIdOf(page: Page): string {
  const match = new URL(page.url()).pathname.match(/^\/connect\/connections\/([^/]+)$/);
  if (!match?.[1]) throw new Error(`not on a connection page: ${page.url()}`);
  return match[1];
}

/** The whole website flow for one region; returns the new connection's id once its page says "Connected". */
export async function connectRegion(page: Page, region: Region, account: SandboxAccount, kind: Kind = "SELLER"): Promise<string> {
  await startConnecting(page, region, kind);
  await confirmOnAmazon(page, account);
  await expect(page).toHaveURL(/\/connect\/connections\/[^/?]+\?connected=1$/, { timeout: COLD_COMPILE_MS });
  await expect(page.getByTestId("connection-status")).toHaveText("Connected");
  return connectionIdOf(page);
}

/** Records every request to our OAuth callback (Amazon's redirect back) that `page` makes. */
export function recordCallbacks(page: Page): Request[] {
  const seen: Request[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).pathname === "/api/oauth/callback") seen.push(request);
  });
  return seen;
}

/** The error page after a failed flow, with its code. */
export async function expectConnectError(page: Page, code: string): Promise<void> {
  await expect(page).toHaveURL(new RegExp(`/connect/error\\?code=${code}$`), { timeout: COLD_COMPILE_MS });
  await expect(page.getByTestId("connect-error")).toHaveAttribute("data-code", code);
}

// ---------------------------------------------------------------------------------------------------
// Reading a connection page

export interface ConnectionSnapshot {
  status: string;
  sellingPartnerId: string;
  fingerprint: string;
  history: string[];
}

export function historyItems(page: Page): Locator {
  return page.getByRole("list", { name: "Connection history" }).getByRole("listitem");
}

export function tokenFingerprint(page: Page): Locator {
  return page.locator("dt", { hasText: "Token fingerprint" }).locator("xpath=following-sibling::dd[1]");
}

/** Opens one of the signed-in partner's own connections and reads what they see on it. */
export async function readConnection(page: Page, id: string): Promise<ConnectionSnapshot> {
  const response = await page.goto(`/connect/connections/${id}`, { timeout: COLD_COMPILE_MS });
  expect(response?.status()).toBe(200);
  await expect(page.getByTestId("connection-status")).toBeVisible();
  const history = await historyItems(page).locator("span").allTextContents();
  return {
    status: (await page.getByTestId("connection-status").textContent())?.trim() ?? "",
    sellingPartnerId: (await page.getByTestId("selling-partner-id").textContent())?.trim() ?? "",
    fingerprint: (await tokenFingerprint(page).textContent())?.trim() ?? "",
    history,
  };
}

/** A partner with a connected region, ready to be the victim (or the subject) of a test. */
export async function connectedPartner(
  browser: Browser,
  options: { label?: string; region?: Region } = {},
): Promise<Partner & { context: BrowserContext; account: SandboxAccount; connectionId: string }> {
  const partner = await newPartnerInOwnBrowser(browser, { label: options.label, marketplaces: ["United States"] });
  const account = await createSandboxSeller(partner.page.request, { label: options.label });
  const connectionId = await connectRegion(partner.page, options.region ?? "NA", account);
  return { ...partner, account, connectionId };
}

/** The signed-in user's tenant id, as the session reports it to the browser. */
export async function tenantIdOf(page: Page): Promise<string> {
  const session = (await (await page.request.get("/api/auth/session")).json()) as { user?: { tenantId?: string | null } } | null;
  const tenantId = session?.user?.tenantId;
  if (!tenantId) throw new Error("the signed-in user has no tenant");
  return tenantId;
}

export { signInAs, uniqueEmail };
