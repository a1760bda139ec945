// Outsiders: every page, route handler and server action of the app, classified and checked.
//
// The table below names each one exactly as the app's files do (found at test time under app/), says who may
// use it, and which check proves that nobody else can. The first test fails when a page, route or action
// exists without an entry (or an entry outlives its file), so nothing new ships unclassified.
//
// kinds:  public     anyone, signed in or not
//         signed-in  any signed-in person; the business (tenant) comes from the session, never from input
//         admin      ADMIN_EMAILS only; everyone else sees the ordinary 404
//         tenant     one business's records, named by an id in the URL or the form
//         service    internal services with an API key; a browser session counts for nothing
//         probe      machine endpoints behind a bearer token from the environment (monitoring, health probes)
//
// Every admin action is also invoked directly, as a script would (its id from the build's manifest, its form
// filled with A's ids): as B, signed out and with an API key, refused, and A unchanged.
//
// "A" is a partner with a connected North America account; "B" is another partner with their own. After
// every attempt B makes on A's things, A's own browser reads A's connection again: same status, same token
// fingerprint, same history.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { outsiderFormFields } from "../../support/outsider-form-fields";
import { newestEmailTo } from "../support/outbox";
import { actionOutcome, invokeServerAction, serverActionIds } from "../support/server-actions";
import { chooseTenant } from "../support/tenant-picker";
import {
  APPLICATION_ID,
  COLD_COMPILE_MS,
  SANDBOX_URL,
  allowColdCompiles,
  confirmOnAmazon,
  connectedPartner,
  expectConnectError,
  readConnection,
  signInAs,
  tenantIdOf,
  type ConnectionSnapshot,
  type Partner,
  type SandboxAccount,
} from "../support/flows";

type Kind = "public" | "signed-in" | "admin" | "tenant" | "service" | "probe";

type Check =
  | "anyone-opens" // signed out, it answers (no 4xx/5xx, no detour to sign-in)
  | "gone-in-production" // a development-only page: on the (production) test server it is a 404 for everyone
  | "asks-to-sign-in" // signed out, it sends you to /sign-in and back to where you were
  | "partner-gets-404" // a signed-in partner gets the ordinary 404 page
  | "hosted-on-admin-page" // an admin action: the only page that offers it is a 404 for a partner
  | "hosted-on-public-page" // a public action: its page opens for anyone
  | "hosted-on-sign-in-page" // a signed-in action: its page asks a stranger to sign in
  | "outsider-gets-404" // B opens A's URL: 404, and A's connection is unchanged
  | "outsider-rewrites-form" // B submits B's own form with A's authorizationId: "Not found.", A unchanged
  | "outsider-injects-ids" // B adds A's tenantId/authorizationId to a session-scoped form: only B's own connection is touched
  | "outsider-opens-callback" // B opens the callback Amazon sent to A's browser: refused, A unchanged
  | "unsigned-post-refused" // a POST without the HMAC signature is not accepted
  | "api-key-scoped" // no key: 401 even with B's session cookie; a key limited to B's business: 404 for A's
  | "webhook-key-scoped" // no key: 401 even with B's session; B's key cannot register for A's business (404), lists only B's, other ids 404
  | "management-key-scoped" // the management API: no key 401; a key limited to B's business never reads, changes or links A's
  | "bearer-token-only" // its token is unset on the test server: 404 signed out, with B's session, and with a made-up bearer
  | "inngest-only"; // Inngest's door: without Inngest configured (the test server) a 404 for every method; with it, serve() checks Inngest's signature

interface Entry {
  kind: Kind;
  check: Check;
  /** Where to run the check: a path, or one made from the world of A and B. */
  url?: string | ((world: World) => string);
  /** For actions: how to reach the form on its page (a <summary> to open, the submit button). */
  form?: { reveal?: string; submit: string };
  /** For session-scoped actions: where B starts it. */
  via?: "consent-page" | "appstore";
  /** For service routes: which call to make. */
  call?: "access-token" | "restricted-data-token" | "grantless-token" | "outcomes" | "spapi-gateway";
  /** For management API routes: which resource to try. */
  management?: "tenants" | "tenant" | "tenant-by-external-id" | "authorizations" | "authorization" | "connect-links";
  note?: string;
}

// prettier-ignore
const TABLE: Record<string, Entry> = {
  // pages
  "page /":                            { kind: "public",    check: "anyone-opens",      url: "/" },
  "page /sign-in":                     { kind: "public",    check: "anyone-opens",      url: "/sign-in" },
  "page /sign-in/check-email":         { kind: "public",    check: "anyone-opens",      url: "/sign-in/check-email" },
  "page /sign-in/error":               { kind: "public",    check: "anyone-opens",      url: "/sign-in/error?error=Verification" },
  "page /dev/outbox":                  { kind: "public",    check: "gone-in-production", url: "/dev/outbox", note: "development only; the e2e server is a production build" },
  "page /dev/outbox/[id]":             { kind: "public",    check: "gone-in-production", url: (w) => `/dev/outbox/${w.emailId}`, note: "development only" },
  "page /connect/error":               { kind: "public",    check: "anyone-opens",      url: "/connect/error?code=state_reused" },
  "page /docs/api":                    { kind: "public",    check: "anyone-opens",      url: "/docs/api", note: "the API reference; the document it shows is public too" },
  "page /connect":                     { kind: "signed-in", check: "asks-to-sign-in",   url: "/connect" },
  "page /connect/register":            { kind: "signed-in", check: "asks-to-sign-in",   url: "/connect/register" },
  "page /connect/consent":             { kind: "signed-in", check: "asks-to-sign-in",   url: "/connect/consent?marketplace=ATVPDKIKX0DER" },
  "page /connect/link/consent":        { kind: "public",    check: "anyone-opens",      url: "/connect/link/consent", note: "only the browser that opened a connect link sees its tenant; anyone else is told to open their link (tests/integration/management/connect-links)" },
  "page /connect/link/done":           { kind: "public",    check: "anyone-opens",      url: "/connect/link/done?outcome=link_used", note: "says only what the outcome code in its URL says" },
  "page /appstore/login":              { kind: "signed-in", check: "asks-to-sign-in",   url: `/appstore/login?amazon_callback_uri=${encodeURIComponent(`${SANDBOX_URL}/sellercentral/us/apps/authorize/confirm-appstore`)}&amazon_state=outsider&version=beta` },
  "page /connect/connections/[id]":    { kind: "tenant",    check: "outsider-gets-404", url: (w) => `/connect/connections/${w.a.connectionId}` },
  "page /connect/preferences":         { kind: "signed-in", check: "asks-to-sign-in",   url: "/connect/preferences", note: "the business comes from the session" },
  "page /connect/renew":               { kind: "signed-in", check: "asks-to-sign-in",   url: "/connect/renew?token=outsider.token", note: "a reminder's signed link; another business's authorization is a 404 (tests/integration/workflows/reminder-link)" },
  "page /admin":                       { kind: "admin",     check: "partner-gets-404",  url: "/admin" },
  "page /admin/audit":                { kind: "admin",     check: "partner-gets-404",  url: "/admin/audit" },
  "page /admin/authorizations/[id]":  { kind: "admin",     check: "partner-gets-404",  url: (w) => `/admin/authorizations/${w.a.connectionId}` },
  "page /admin/api-keys":              { kind: "admin",     check: "partner-gets-404",  url: "/admin/api-keys" },
  "page /admin/ledger":                { kind: "admin",     check: "partner-gets-404",  url: "/admin/ledger" },
  "page /admin/app-client":            { kind: "admin",     check: "partner-gets-404",  url: "/admin/app-client" },
  "page /admin/outbox":                { kind: "admin",     check: "partner-gets-404",  url: "/admin/outbox" },
  "page /admin/outbox/[id]":           { kind: "admin",     check: "partner-gets-404",  url: (w) => `/admin/outbox/${w.emailId}` },
  "page /admin/self-authorize":        { kind: "admin",     check: "partner-gets-404",  url: "/admin/self-authorize" },
  "page /admin/webhooks":              { kind: "admin",     check: "partner-gets-404",  url: "/admin/webhooks" },
  "page /admin/webhooks/[id]":         { kind: "admin",     check: "partner-gets-404",  url: "/admin/webhooks/whe_0123456789abcdef0123456789abcdef", note: "any id: the page is a 404 for a partner before any lookup" },
  "page /admin/alerts":                { kind: "admin",     check: "partner-gets-404",  url: "/admin/alerts" },
  "page /admin/health":                { kind: "admin",     check: "partner-gets-404",  url: (w) => `/admin/health?preflight=${w.a.connectionId}` },
  "page /admin/monitoring":            { kind: "admin",     check: "partner-gets-404",  url: "/admin/monitoring" },
  "page /admin/tenants/[id]":          { kind: "admin",     check: "partner-gets-404",  url: (w) => `/admin/tenants/${w.a.tenantId}` },
  // route handlers
  "route /admin/audit/export":        { kind: "admin",     check: "partner-gets-404",  url: "/admin/audit/export", note: "CSV; 401 signed out" },
  "route /admin/app-client/status":    { kind: "admin",     check: "partner-gets-404",  url: "/admin/app-client/status", note: "JSON; API keys get 404 too" },
  "route /admin/monitoring/data":      { kind: "admin",     check: "partner-gets-404",  url: "/admin/monitoring/data?range=1h", note: "JSON the monitoring page polls; API keys get 404 too" },
  "route /admin/api-keys/tenants":    { kind: "admin",     check: "partner-gets-404",  url: "/admin/api-keys/tenants?q=shop", note: "JSON the API key form's tenant picker searches; API keys get 404 too" },
  "route /admin/alerts/data":          { kind: "admin",     check: "partner-gets-404",  url: "/admin/alerts/data?state=OPEN", note: "JSON the alerts page polls; API keys get 404 too" },
  "route /api/health":                 { kind: "public",    check: "anyone-opens",      url: "/api/health" },
  "route /api/v1/ping":                { kind: "public",    check: "anyone-opens",      url: "/api/v1/ping" },
  "route /api/v1/openapi.json":        { kind: "public",    check: "anyone-opens",      url: "/api/v1/openapi.json", note: "the OpenAPI document: code only, no data" },
  "route /api/auth/[...nextauth]":     { kind: "public",    check: "anyone-opens",      url: "/api/auth/session", note: "Auth.js' own endpoints" },
  "route /connect/link/[token]":       { kind: "public",    check: "anyone-opens",      url: `/connect/link/${"A".repeat(43)}`, note: "a connect link: single use, expiring, only its hash is stored; an unknown one lands on the result page" },
  "route /api/oauth/callback":         { kind: "public",    check: "outsider-opens-callback", note: "guarded by the single-use state bound to one browser and user; more in partner/flow-failures" },
  "route /api/notifications/amazon":   { kind: "public",    check: "unsigned-post-refused", note: "HMAC-signed by the relay; 404 while NOTIFICATION_INGEST_SECRET is unset" },
  "route /api/webhooks/resend":        { kind: "public",    check: "unsigned-post-refused", note: "Svix-signed by Resend; 404 while RESEND_WEBHOOK_SECRET is unset; more in tests/integration/email/resend-webhook" },
  "route /api/v1/authorizations/[id]/access-token":          { kind: "service", check: "api-key-scoped", call: "access-token" },
  "route /api/v1/authorizations/[id]/restricted-data-token": { kind: "service", check: "api-key-scoped", call: "restricted-data-token" },
  "route /api/v1/grantless-tokens":    { kind: "service",   check: "api-key-scoped",    call: "grantless-token" },
  "route /api/v1/outcomes":            { kind: "service",   check: "api-key-scoped",    call: "outcomes" },
  "route /api/v1/spapi/[authorizationId]/[...path]": { kind: "service", check: "api-key-scoped", call: "spapi-gateway" },
  "route /api/v1/webhook-endpoints":   { kind: "service",   check: "webhook-key-scoped", url: "/api/v1/webhook-endpoints", note: "scope webhooks; more in tests/integration/webhooks/webhook-api" },
  "route /api/v1/webhook-endpoints/[id]": { kind: "service", check: "webhook-key-scoped", url: "/api/v1/webhook-endpoints/whe_0123456789abcdef0123456789abcdef" },
  "route /api/v1/webhook-endpoints/[id]/deliveries": { kind: "service", check: "webhook-key-scoped", url: "/api/v1/webhook-endpoints/whe_0123456789abcdef0123456789abcdef/deliveries" },
  "route /api/v1/webhook-endpoints/[id]/deliveries/[deliveryId]/redeliver": { kind: "service", check: "webhook-key-scoped", url: "/api/v1/webhook-endpoints/whe_0123456789abcdef0123456789abcdef/deliveries/d1/redeliver" },
  "route /api/v1/webhook-endpoints/[id]/test": { kind: "service", check: "webhook-key-scoped", url: "/api/v1/webhook-endpoints/whe_0123456789abcdef0123456789abcdef/test" },
  "route /api/v1/tenants":             { kind: "service",   check: "management-key-scoped", management: "tenants" },
  "route /api/v1/tenants/[id]":        { kind: "service",   check: "management-key-scoped", management: "tenant" },
  "route /api/v1/tenants/by-external-id/[externalId]": { kind: "service", check: "management-key-scoped", management: "tenant-by-external-id" },
  "route /api/v1/authorizations":      { kind: "service",   check: "management-key-scoped", management: "authorizations" },
  "route /api/v1/authorizations/[id]": { kind: "service",   check: "management-key-scoped", management: "authorization" },
  "route /api/v1/connect-links":       { kind: "service",   check: "management-key-scoped", management: "connect-links" },
  "route /api/health/authz":           { kind: "probe",     check: "bearer-token-only", url: "/api/health/authz", note: "HEALTH_PROBE_TOKEN; 401 with a wrong bearer once set (tests/integration/health)" },
  "route /api/metrics":                { kind: "probe",     check: "bearer-token-only", url: "/api/metrics", note: "METRICS_TOKEN; 401 with a wrong bearer once set (tests/integration/monitoring)" },
  "route /api/inngest":                { kind: "service",   check: "inngest-only",      url: "/api/inngest", note: "signed by Inngest (INNGEST_SIGNING_KEY) when Inngest is configured" },
  // server actions
  "action requestSignInLinkAction":    { kind: "public",    check: "hosted-on-public-page",  url: "/sign-in" },
  "action signOutAction":              { kind: "public",    check: "hosted-on-public-page",  url: "/sign-in", note: "signs out whoever calls it" },
  "action registerTenantAction":       { kind: "signed-in", check: "hosted-on-sign-in-page", url: "/connect/register", note: "one business per user, from the session" },
  "action startLinkAuthorizationAction": { kind: "public",  check: "hosted-on-public-page",  url: "/connect/link/consent", note: "takes no input: the tenant and flow are the link's, from the session cookie of the browser that opened it; 404 without one (tests/integration/management/connect-links)" },
  "action startAuthorizationAction":   { kind: "signed-in", check: "outsider-injects-ids",   via: "consent-page" },
  "action continueAppstoreAction":     { kind: "signed-in", check: "outsider-injects-ids",   via: "appstore" },
  "action testConnectionAction":       { kind: "tenant",    check: "outsider-rewrites-form", form: { submit: "Test connection" } },
  "action disconnectAction":           { kind: "tenant",    check: "outsider-rewrites-form", form: { reveal: "Disconnect this account…", submit: "Disconnect" } },
  "action selfAuthorizeAction":        { kind: "admin",     check: "hosted-on-admin-page",   url: "/admin/self-authorize" },
  "action adminTestConnectionAction":  { kind: "admin",     check: "hosted-on-admin-page",   url: (w) => `/admin/tenants/${w.a.tenantId}` },
  "action forceRefreshAction":        { kind: "admin",     check: "hosted-on-admin-page",   url: (w) => `/admin/authorizations/${w.a.connectionId}` },
  "action resolveIdentityConflictAction": { kind: "admin",   check: "hosted-on-admin-page",   url: (w) => `/admin/authorizations/${w.a.connectionId}`, note: "only shown while a conflict is open; partner and signed-out refusals in tests/integration/admin/resolve-identity-conflict-action" },
  "action bulkAuthorizationsAction":  { kind: "admin",     check: "hosted-on-admin-page",   url: "/admin" },
  "action createApiKeyAction":         { kind: "admin",     check: "hosted-on-admin-page",   url: "/admin/api-keys" },
  "action revokeApiKeyAction":         { kind: "admin",     check: "hosted-on-admin-page",   url: "/admin/api-keys" },
  "action proposeLedgerChangeAction":  { kind: "admin",     check: "hosted-on-admin-page",   url: "/admin/ledger", note: "replayed with a partner's session and with an API key (no session): tests/e2e/admin/ledger-review; tests/integration/ledger" },
  "action decideLedgerProposalAction": { kind: "admin",     check: "hosted-on-admin-page",   url: "/admin/ledger", note: "replayed with a partner's session and with an API key (no session): tests/e2e/admin/ledger-review; tests/integration/ledger" },
  "action createWebhookEndpointAction": { kind: "admin",    check: "hosted-on-admin-page",   url: "/admin/webhooks", note: "partner and signed-out refusals of every webhook action in tests/integration/webhooks/webhook-api" },
  "action setWebhookEndpointEnabledAction": { kind: "admin", check: "hosted-on-admin-page",  url: "/admin/webhooks" },
  "action deleteWebhookEndpointAction": { kind: "admin",    check: "hosted-on-admin-page",   url: "/admin/webhooks" },
  "action sendTestWebhookAction":      { kind: "admin",     check: "hosted-on-admin-page",   url: "/admin/webhooks" },
  "action redeliverWebhookAction":     { kind: "admin",     check: "hosted-on-admin-page",   url: "/admin/webhooks" },
  "action rotateNowAction":            { kind: "admin",     check: "hosted-on-admin-page",   url: "/admin/app-client" },
  "action setManualSecretAction":      { kind: "admin",     check: "hosted-on-admin-page",   url: "/admin/app-client" },
  "action setAppStatusAction":         { kind: "admin",     check: "hosted-on-admin-page",   url: "/admin/app-client" },
  "action setBillingAction":           { kind: "admin",     check: "hosted-on-admin-page",   url: "/admin/app-client" },
  "action createDestinationAction":    { kind: "admin",     check: "hosted-on-admin-page",   url: "/admin/app-client" },
  "action deleteDestinationAction":    { kind: "admin",     check: "hosted-on-admin-page",   url: "/admin/app-client" },
  "action rewrapDataKeysAction":       { kind: "admin",     check: "hosted-on-admin-page",   url: "/admin/app-client" },
  "action evaluateAlertsNowAction":    { kind: "admin",     check: "hosted-on-admin-page",   url: "/admin/alerts" },
  "action runPreflightAction":         { kind: "admin",     check: "hosted-on-admin-page",   url: (w) => `/admin/health?preflight=${w.a.connectionId}` },
  "action saveReminderPreferencesAction": { kind: "signed-in", check: "hosted-on-sign-in-page", url: "/connect/preferences", note: "the business comes from the session; no ids in the form" },
  "action saveLanguageAction":         { kind: "signed-in", check: "hosted-on-sign-in-page", url: "/connect", note: "the language switcher of a partner with a business: saved on the session's business; no ids in the form" },
  "action chooseLanguageAction":       { kind: "public",    check: "hosted-on-public-page",  url: "/sign-in", note: "the language switcher of a signed-out visitor: sets the language cookie only, changes no record" },
  "action quarantineAuthorizationAction": { kind: "admin",   check: "hosted-on-admin-page",   url: (w) => `/admin/tenants/${w.a.tenantId}` },
  "action liftQuarantineAction":       { kind: "admin",     check: "hosted-on-admin-page",   url: (w) => `/admin/tenants/${w.a.tenantId}` },
  "action killAuthorizationAction":    { kind: "admin",     check: "hosted-on-admin-page",   url: (w) => `/admin/tenants/${w.a.tenantId}` },
  "action requestReauthorizationAction": { kind: "admin",   check: "hosted-on-admin-page",   url: (w) => `/admin/tenants/${w.a.tenantId}` },
};

// ---------------------------------------------------------------------------------------------------
// What the app has, read from its files

function projectDir(...segments: string[]): string {
  return path.join(path.dirname(test.info().config.configFile ?? path.join(process.cwd(), "playwright.config.ts")), ...segments);
}

const USE_SERVER = /^\s*(\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*["']use server["']/;

/** Every export of a "use server" module is a server action. */
function actionsIn(source: string): string[] {
  return [...source.matchAll(/export\s+(?:async\s+function\s+(\w+)|const\s+(\w+)\s*=)/g)].map((match) => `action ${match[1] ?? match[2]}`);
}

function sourceFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: "utf8" }).filter((f) => /\.(tsx?|jsx?)$/.test(f));
}

/** app/(partner)/connect/connections/[id]/page.tsx → /connect/connections/[id] (route groups dropped). */
function urlPattern(file: string): string {
  const segments = path.dirname(file).split(path.sep).filter((s) => s !== "." && !/^\(.*\)$/.test(s) && !s.startsWith("@"));
  return `/${segments.join("/")}`;
}

/** The pages and route handlers in app/, and the server actions: lib/actions/ and any "use server" file in app/. */
function discover(): string[] {
  const found: string[] = [];
  const app = projectDir("app");
  for (const file of sourceFiles(app)) {
    const base = path.basename(file).replace(/\.(tsx?|jsx?)$/, "");
    if (base === "page") found.push(`page ${urlPattern(file)}`);
    if (base === "route") found.push(`route ${urlPattern(file)}`);
    const source = readFileSync(path.join(app, file), "utf8");
    if (USE_SERVER.test(source)) found.push(...actionsIn(source));
  }
  const actions = projectDir("lib", "actions");
  for (const file of sourceFiles(actions)) {
    const source = readFileSync(path.join(actions, file), "utf8");
    if (USE_SERVER.test(source)) found.push(...actionsIn(source));
  }
  return found.sort();
}

test("every page, route handler and server action of the app is classified in the outsider table", () => {
  const found = discover();
  expect(found.length).toBeGreaterThan(10);
  expect(new Set(found).size, "two server actions share a name; name table entries by file").toBe(found.length);
  const missing = found.filter((name) => !(name in TABLE));
  const stale = Object.keys(TABLE).filter((name) => !found.includes(name));
  expect(missing, "add these to the outsider table with a kind and a check").toEqual([]);
  expect(stale, "these table entries no longer exist in the app").toEqual([]);
});

// ---------------------------------------------------------------------------------------------------
// The world: A and B, each with a connected account, built once per worker and shared by the checks

interface Connected extends Partner {
  context: BrowserContext;
  account: SandboxAccount;
  connectionId: string;
  tenantId: string;
}

interface World {
  a: Connected;
  b: Connected;
  /** An email in the outbox (any will do: admin pages must not open for a partner whatever the id). */
  emailId: string;
}

let worldPromise: Promise<World> | undefined;

async function buildWorld(browser: Browser): Promise<World> {
  const a = await connectedPartner(browser, { label: "Victim" });
  const b = await connectedPartner(browser, { label: "Outsider" });
  const [aTenant, bTenant] = await Promise.all([tenantIdOf(a.page), tenantIdOf(b.page)]);
  const email = await newestEmailTo(b.email);
  return { a: { ...a, tenantId: aTenant }, b: { ...b, tenantId: bTenant }, emailId: email.id };
}

function world(browser: Browser): Promise<World> {
  allowColdCompiles(60_000);
  worldPromise ??= buildWorld(browser).catch((error: unknown) => {
    worldPromise = undefined;
    throw error;
  });
  return worldPromise;
}

test.afterAll(async () => {
  const built = await worldPromise?.catch(() => undefined);
  await built?.a.context.close();
  await built?.b.context.close();
  worldPromise = undefined;
});

function urlOf(entry: Entry, w?: World): string {
  if (typeof entry.url === "function") return entry.url(w!);
  if (!entry.url) throw new Error("this check needs a url in its table entry");
  return entry.url;
}

function needsWorld(entry: Entry): boolean {
  return typeof entry.url === "function" || !["anyone-opens", "asks-to-sign-in", "hosted-on-public-page", "hosted-on-sign-in-page", "unsigned-post-refused", "inngest-only"].includes(entry.check);
}

/** A's connection, as A sees it in A's own browser. */
function snapshotA(w: World): Promise<ConnectionSnapshot> {
  return readConnection(w.a.page, w.a.connectionId);
}

async function expectAUnchanged(w: World, before: ConnectionSnapshot): Promise<void> {
  const after = await snapshotA(w);
  expect(after, "A's connection changed after B's attempt").toEqual(before);
  expect(after.status).toBe("Connected");
}

async function expectNotFoundPage(page: Page, url: string): Promise<void> {
  const response = await page.goto(url, { timeout: COLD_COMPILE_MS });
  expect(response?.status(), `${url} should be a 404`).toBe(404);
  await expect(page.getByRole("heading", { name: "We couldn't find that page" })).toBeVisible();
}

// ---------------------------------------------------------------------------------------------------
// The checks

type CheckContext = { page: Page; browser: Browser; entry: Entry; name: string; baseURL: string; w?: World };

const CHECKS: Record<Check, (ctx: CheckContext) => Promise<void>> = {
  "anyone-opens": async ({ page, entry, w }) => {
    const url = urlOf(entry, w);
    const response = await page.goto(url, { timeout: COLD_COMPILE_MS });
    expect(response?.status(), url).toBeLessThan(400);
    await expect(page).not.toHaveURL(/\/sign-in\?callbackUrl=/);
  },

  "hosted-on-public-page": async (ctx) => CHECKS["anyone-opens"](ctx),

  "asks-to-sign-in": async ({ page, entry }) => {
    const url = urlOf(entry);
    await page.goto(url, { timeout: COLD_COMPILE_MS });
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/, { timeout: COLD_COMPILE_MS });
    expect(new URL(page.url()).searchParams.get("callbackUrl")).toBe(url);
    await expect(page.getByRole("heading", { name: "Sign in to Latchkey" })).toBeVisible();
  },

  "hosted-on-sign-in-page": async (ctx) => CHECKS["asks-to-sign-in"](ctx),

  "inngest-only": async ({ page, entry }) => {
    const url = urlOf(entry);
    for (const method of ["GET", "POST", "PUT"] as const) {
      const response = await page.request.fetch(url, { method, data: method === "GET" ? undefined : {}, failOnStatusCode: false });
      expect(response.status(), `${method} ${url} without Inngest configured`).toBe(404);
    }
  },

  "gone-in-production": async ({ page, entry, w }) => {
    await expectNotFoundPage(page, urlOf(entry, w));
    if (w) await expectNotFoundPage(w.b.page, urlOf(entry, w));
  },

  "partner-gets-404": async ({ entry, name, w }) => {
    const url = urlOf(entry, w);
    if (name.startsWith("route ")) {
      const response = await w!.b.page.request.get(url, { failOnStatusCode: false });
      expect(response.status(), `${url} should be a 404 for a partner`).toBe(404);
      expect(await response.text()).not.toContain(w!.a.tenantId);
      return;
    }
    await expectNotFoundPage(w!.b.page, url);
    await expect(w!.b.page.getByText(w!.a.businessName)).toHaveCount(0);
  },

  "hosted-on-admin-page": async (ctx) => {
    await CHECKS["partner-gets-404"](ctx);
    await expectActionRefusesOutsiders(ctx);
  },

  "outsider-gets-404": async ({ entry, w }) => {
    const before = await snapshotA(w!);
    await expectNotFoundPage(w!.b.page, urlOf(entry, w));
    await expect(w!.b.page.getByText(w!.a.account.sellingPartnerId)).toHaveCount(0);
    await expectAUnchanged(w!, before);
  },

  "outsider-rewrites-form": async ({ entry, w }) => {
    const { a, b } = w!;
    const before = await snapshotA(w!);
    const page = b.page;
    await page.goto(`/connect/connections/${b.connectionId}`);
    if (entry.form!.reveal) await page.getByText(entry.form!.reveal).click();
    const submit = page.getByRole("button", { name: entry.form!.submit, exact: true });
    const form = page.locator("form").filter({ has: submit });
    const hidden = form.locator('input[type=hidden][name="authorizationId"]');
    await expect(hidden).toHaveValue(b.connectionId);
    await hidden.evaluate((input, id) => ((input as HTMLInputElement).value = id), a.connectionId);
    await submit.click();

    await expect(form.getByRole("alert")).toHaveText("Not found.");
    await expect(page.getByTestId("test-result")).toHaveCount(0);
    // B's own connection was not touched either.
    await expect(page).toHaveURL(new RegExp(`/connect/connections/${b.connectionId}$`));
    expect((await readConnection(page, b.connectionId)).status).toBe("Connected");
    await expectAUnchanged(w!, before);
  },

  "outsider-injects-ids": async ({ entry, w }) => {
    const { a, b } = w!;
    const before = await snapshotA(w!);
    const bBefore = await readConnection(b.page, b.connectionId);
    const page = b.page;
    const submitName = entry.via === "appstore" ? "Finish on Amazon" : "Continue to Seller Central";
    if (entry.via === "appstore") {
      await page.goto(`${SANDBOX_URL}/appstore/us/authorize?${new URLSearchParams({ application_id: APPLICATION_ID, selling_partner_id: b.account.sellingPartnerId, auto: "1" })}`);
      await expect(page).toHaveURL(/\/appstore\/login\?/, { timeout: COLD_COMPILE_MS });
    } else {
      await page.goto("/connect/consent?marketplace=ATVPDKIKX0DER&reason=renewal");
    }
    const submit = page.getByRole("button", { name: submitName });
    await page.locator("form").filter({ has: submit }).evaluate((form, ids) => {
      for (const [name, value] of Object.entries(ids)) {
        const input = document.createElement("input");
        Object.assign(input, { type: "hidden", name, value });
        form.append(input);
      }
    }, { tenantId: a.tenantId, authorizationId: a.connectionId, authorization: a.connectionId, userId: a.email });
    await submit.click();
    if (entry.via !== "appstore") await confirmOnAmazon(page, b.account);

    // The flow ran for B's own connection, with B's own account; A saw nothing of it.
    await expect(page).toHaveURL(new RegExp(`/connect/connections/${b.connectionId}\\?reauthorized=1$`), { timeout: COLD_COMPILE_MS });
    const bAfter = await readConnection(page, b.connectionId);
    expect(bAfter.sellingPartnerId).toBe(b.account.sellingPartnerId);
    expect(bAfter.fingerprint).not.toBe(bBefore.fingerprint);
    await expectAUnchanged(w!, before);
  },

  "outsider-opens-callback": async ({ w }) => {
    const { a, b } = w!;
    // A starts to authorize again; Amazon's redirect back is caught before it reaches our callback.
    let callbackUrl: string | undefined;
    await a.page.goto("/connect/consent?marketplace=ATVPDKIKX0DER&reason=renewal");
    await a.page.getByRole("button", { name: "Continue to Seller Central" }).click();
    await a.page.route("**/apps/authorize/confirm", async (route) => {
      callbackUrl = (await route.fetch({ maxRedirects: 0 })).headers()["location"];
      await route.abort();
    });
    await confirmOnAmazon(a.page, a.account);
    await expect.poll(() => callbackUrl).toContain("/api/oauth/callback?");
    await a.page.unrouteAll();
    const before = await snapshotA(w!);

    // B, signed in, opens it: refused, and it connects nothing for B either.
    const bBefore = await readConnection(b.page, b.connectionId);
    await b.page.goto(callbackUrl!);
    await expectConnectError(b.page, "state_other_browser");
    expect(await readConnection(b.page, b.connectionId)).toEqual(bBefore);
    await expectAUnchanged(w!, before);
  },

  "unsigned-post-refused": async ({ page, entry, name }) => {
    const url = name.replace(/^route /, "");
    const response = await page.request.post(url, { data: { NotificationType: "APPLICATION_OAUTH_CLIENT_NEW_SECRET", Payload: {} }, failOnStatusCode: false });
    expect([401, 403, 404], `${entry.kind} ${url} answered ${response.status()}`).toContain(response.status());
  },

  "bearer-token-only": async ({ page, entry, w }) => {
    const url = urlOf(entry, w);
    for (const [who, request, headers] of [
      ["signed out", page.request, {}],
      ["B's session", w!.b.page.request, {}],
      ["a made-up bearer", page.request, { authorization: "Bearer made-up-token-0123456789" }],
    ] as const) {
      const response = await request.get(url, { headers, failOnStatusCode: false });
      expect(response.status(), `${url} with ${who}`).toBe(404);
      expect(await response.text()).not.toContain(w!.a.tenantId);
    }
  },

  "api-key-scoped": async ({ entry, w }) => {
    const { a, b } = w!;
    const key = await apiKeyFor(w!);
    const call = async (authorizationId: string, headers: Record<string, string>, request = b.page.request) => {
      const body =
        entry.call === "restricted-data-token"
          ? { restrictedResources: [{ method: "GET", path: "/orders/v0/orders/902-3159896-1390916", dataElements: ["buyerInfo"] }] }
          : entry.call === "grantless-token"
            ? { scope: "sellingpartnerapi::notifications" }
            : entry.call === "outcomes"
              ? { outcomes: [{ authorizationId, operation: "getOrders", status: 200, latencyMs: 120 }] }
              : {};
      const url =
        entry.call === "grantless-token" ? "/api/v1/grantless-tokens" : entry.call === "outcomes" ? "/api/v1/outcomes" : `/api/v1/authorizations/${authorizationId}/${entry.call}`;
      const response =
        entry.call === "spapi-gateway"
          ? await request.get(`/api/v1/spapi/${authorizationId}/sellers/v1/marketplaceParticipations`, { headers, failOnStatusCode: false })
          : await request.post(url, { data: body, headers, failOnStatusCode: false });
      return { status: response.status(), text: await response.text(), headers: response.headers() };
    };

    // B's browser session is not a key.
    const noKey = await call(a.connectionId, {});
    expect(noKey.status).toBe(401);
    expect(noKey.text).not.toMatch(/accessToken|restrictedDataToken/);

    // A key limited to B's business: A's authorization does not exist for it.
    const bearer = { authorization: `Bearer ${key}` };
    const other = await call(a.connectionId, bearer);
    if (entry.call === "outcomes") {
      expect(other.status).toBe(202);
      expect(JSON.parse(other.text)).toEqual({ accepted: 0 });
      expect(JSON.parse((await call(b.connectionId, bearer)).text)).toEqual({ accepted: 1 });
    } else {
      expect(other.status).toBe(404);
      expect(JSON.parse(other.text).error.code).toBe("not_found");
      expect(other.text).not.toMatch(/accessToken|restrictedDataToken|Atza\|/);
    }
    if (entry.call === "spapi-gateway") {
      // Through the gateway, the same key reaches Amazon (the sandbox) for B's own authorization, and no token comes back.
      const own = await call(b.connectionId, bearer);
      expect(own.status).toBe(200);
      expect(own.text).toContain("marketplace");
      expect(own.text).not.toMatch(/Atza\||accessToken/);
      // Answered by proxy.ts before Next's router, with the same headers the route gives: Amazon's, Latchkey's, the app's.
      expect(own.headers["x-latchkey-operation"]).toBe("getMarketplaceParticipations");
      expect(own.headers["x-amzn-requestid"]).toBeTruthy();
      expect(own.headers["x-request-id"]).toBeTruthy();
      expect(own.headers["cache-control"]).toBe("no-store");
      expect(own.headers["x-content-type-options"]).toBe("nosniff");
      expect(JSON.stringify(own.headers)).not.toMatch(/Atza\|/);
    }
    if (entry.call === "access-token") {
      // The same key does work for B's own authorization, so the 404 above is about whose it is.
      const own = await call(b.connectionId, bearer);
      expect(own.status).toBe(200);
      expect(JSON.parse(own.text).authorizationId).toBe(b.connectionId);
    }
  },

  "webhook-key-scoped": async ({ entry, w }) => {
    const { a, b } = w!;
    const url = urlOf(entry, w);
    const post = url.endsWith("/test") || url.endsWith("/redeliver") || url.endsWith("/webhook-endpoints");
    const send = (headers: Record<string, string>, data?: unknown) =>
      post ? b.page.request.post(url, { data: data ?? {}, headers, failOnStatusCode: false }) : b.page.request.get(url, { headers, failOnStatusCode: false });
    // B's browser session is not a key.
    expect((await send({})).status()).toBe(401);
    const bearer = { authorization: `Bearer ${await apiKeyFor(w!)}` };
    if (url.endsWith("/webhook-endpoints")) {
      // B's key cannot register an endpoint for A's business, and lists none.
      const refused = await send(bearer, { url: "https://example.com/hooks", tenantId: a.tenantId });
      expect(refused.status()).toBe(404);
      const listed = await b.page.request.get(url, { headers: bearer });
      expect(((await listed.json()) as { endpoints: unknown[] }).endpoints).toEqual([]);
    } else {
      const response = await send(bearer);
      expect(response.status()).toBe(404);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("not_found");
    }
  },

  "management-key-scoped": async ({ entry, w }) => {
    const { a, b } = w!;
    const key = await apiKeyFor(w!);
    const before = await snapshotA(w!);
    const request = b.page.request;
    const get = (url: string, headers: Record<string, string>) => request.get(url, { headers, failOnStatusCode: false });
    const bearer = { authorization: `Bearer ${key}` };
    const tryAs = async (headers: Record<string, string>, target: "a" | "b") => {
      const who = target === "a" ? a : b;
      switch (entry.management) {
        case "tenants":
          return get("/api/v1/tenants", headers);
        case "tenant":
          return target === "a"
            ? request.patch(`/api/v1/tenants/${who.tenantId}`, { data: { name: "Taken over" }, headers, failOnStatusCode: false })
            : get(`/api/v1/tenants/${who.tenantId}`, headers);
        case "tenant-by-external-id": {
          // B's key names B's tenant by an externalId it sets; A's is never reachable by any name.
          if (target === "b") await request.patch(`/api/v1/tenants/${b.tenantId}`, { data: { externalId: `ext-${b.tenantId}` }, headers, failOnStatusCode: false });
          return get(`/api/v1/tenants/by-external-id/ext-${who.tenantId}`, headers);
        }
        case "authorizations":
          return get(`/api/v1/authorizations${target === "a" ? `?tenantId=${a.tenantId}` : ""}`, headers);
        case "authorization":
          return get(`/api/v1/authorizations/${who.connectionId}`, headers);
        case "connect-links":
          return request.post("/api/v1/connect-links", { data: { tenantId: who.tenantId, region: "NA", flow: "reauthorize" }, headers, failOnStatusCode: false });
        default:
          throw new Error(`no management call for ${entry.management}`);
      }
    };

    // B's browser session is not a key.
    expect((await tryAs({}, "a")).status()).toBe(401);
    const other = await tryAs(bearer, "a");
    const otherText = await other.text();
    expect(otherText).not.toContain(a.connectionId);
    if (entry.management === "tenants" || entry.management === "authorizations") {
      expect(other.status()).toBe(200);
      expect(otherText).not.toContain(a.tenantId);
    } else {
      expect(other.status()).toBe(404);
      expect(JSON.parse(otherText).error.code).toBe("not_found");
    }
    // The same key does reach B's own records, so the refusals above are about whose they are.
    const own = await tryAs(bearer, "b");
    expect(own.status()).toBeLessThan(300);
    const ownText = await own.text();
    expect(ownText).toContain(b.tenantId);
    expect(ownText).not.toMatch(/Atza\||Atzr\||accessToken|refreshToken"/);
    await expectAUnchanged(w!, before);
  },
};

/** A's ids in every field any action reads (an API key id that is nobody's: the integration table uses a real one). */
function victimFields(w: World): Record<string, string> {
  return outsiderFormFields({ authorizationId: w.a.connectionId, tenantId: w.a.tenantId, apiKeyId: "key_0123456789abcdef0123456789" });
}

/**
 * The action itself, invoked directly on its page as a script would (not through the page a partner cannot
 * open), with A's ids in every field: B's session gets 404, a signed-out visitor and an API key 401, and
 * nothing of A's changes.
 */
async function expectActionRefusesOutsiders({ page, entry, name, baseURL, w }: CheckContext): Promise<void> {
  const exportedName = name.replace(/^action /, "");
  const action = serverActionIds(projectDir()).get(exportedName);
  expect(action, `${exportedName} is not in the production build's server-reference manifest`).toBeDefined();
  const before = await snapshotA(w!);
  const call = { url: urlOf(entry, w), actionId: action!.id, fields: victimFields(w!), origin: new URL(baseURL).origin };
  const asPartner = await invokeServerAction(w!.b.page.request, call);
  const signedOut = await invokeServerAction(page.request, call);
  const withKey = await invokeServerAction(page.request, { ...call, headers: { authorization: `Bearer ${await apiKeyFor(w!)}` } });
  expect({ partner: actionOutcome(asPartner.text), signedOut: actionOutcome(signedOut.text), apiKey: actionOutcome(withKey.text) }).toEqual({ partner: "not_found", signedOut: "unauthenticated", apiKey: "unauthenticated" });
  await expectAUnchanged(w!, before);
}

test("an action invoked directly, as the outsider checks do it, reaches the action: an admin's runs", async ({ browser, baseURL }) => {
  const w = await world(browser);
  const context = await browser.newContext();
  try {
    const admin = await context.newPage();
    await signInAs(admin, "admin@latchkey.test", { callbackUrl: `/admin/authorizations/${w.a.connectionId}` });
    const action = serverActionIds(projectDir()).get("adminTestConnectionAction")!;
    // Its one field: the outcome "ok" shows the form's fields reach the action as the page would send them.
    const answer = await invokeServerAction(admin.request, { url: `/admin/authorizations/${w.a.connectionId}`, actionId: action.id, fields: { authorizationId: w.a.connectionId }, origin: new URL(baseURL!).origin });
    expect(actionOutcome(answer.text), answer.text.slice(0, 300)).toBe("ok");
  } finally {
    await context.close();
  }
});

let apiKeyPromise: Promise<string> | undefined;

/** An admin creates an API key limited to B's business, through the admin page. */
function apiKeyFor(w: World): Promise<string> {
  apiKeyPromise ??= (async () => {
    const context = await w.a.page.context().browser()!.newContext();
    try {
      const page = await context.newPage();
      await signInAs(page, "admin@latchkey.test", { callbackUrl: "/admin/api-keys" });
      await expect(page.getByRole("heading", { name: "API keys" })).toBeVisible({ timeout: COLD_COMPILE_MS });
      await page.getByLabel("Name").fill(`outsider-check-${w.b.tenantId.slice(-6)}`);
      await chooseTenant(page, w.b.businessName);
      await page.getByRole("button", { name: "Create API key" }).click();
      const key = (await page.getByTestId("new-api-key").textContent({ timeout: COLD_COMPILE_MS }))?.trim() ?? "";
      expect(key).toMatch(/^lk_/);
      return key;
    } finally {
      await context.close();
    }
  })().catch((error: unknown) => {
    apiKeyPromise = undefined;
    throw error;
  });
  return apiKeyPromise;
}

const DESCRIBE: Record<Check, string> = {
  "anyone-opens": "anyone can open it",
  "gone-in-production": "it does not exist on a production server",
  "asks-to-sign-in": "a stranger is asked to sign in",
  "partner-gets-404": "a partner gets the 404 page",
  "hosted-on-admin-page": "its admin page is a 404 for a partner; invoked directly, it refuses a partner, a signed-out visitor and an API key",
  "hosted-on-public-page": "its page opens for anyone",
  "hosted-on-sign-in-page": "its page asks a stranger to sign in",
  "outsider-gets-404": "another partner gets 404 and nothing changes",
  "outsider-rewrites-form": "another partner's rewritten form gets Not found and nothing changes",
  "outsider-injects-ids": "another partner's injected ids are ignored and nothing of A's changes",
  "outsider-opens-callback": "another partner opening A's redirect is refused and nothing changes",
  "unsigned-post-refused": "an unsigned post is refused",
  "api-key-scoped": "no key gets 401, a key for another business gets nothing of A's",
  "webhook-key-scoped": "no key gets 401, a key for another business cannot register or reach A's endpoints",
  "management-key-scoped": "no key gets 401, a management key for another business never reads, changes or links A's",
  "bearer-token-only": "without its configured token it does not exist, whoever asks",
  "inngest-only": "without Inngest configured it is a 404 for everyone",
};

for (const [name, entry] of Object.entries(TABLE)) {
  test(`${name} (${entry.kind}): ${DESCRIBE[entry.check]}`, async ({ page, browser, baseURL }) => {
    const w = needsWorld(entry) ? await world(browser) : undefined;
    await CHECKS[entry.check]({ page, browser, entry, name, baseURL: baseURL!, w });
  });
}
