import { createSandbox, type Sandbox, type SandboxOptions } from "../../../../sandbox/server";
import { DEFAULT_APP } from "../../../../sandbox/config/default-app";

export { DEFAULT_APP };

export const SELLER_NA = "A2SBXSELLERNA01";
export const SELLER_NA_2 = "A2SBXSELLERNA02";
export const SELLER_EU = "A2SBXSELLEREU01";
export const VENDOR_NA = "amzn1.vg.SBXVENDORNA01";
export const REDIRECT_URI = DEFAULT_APP.redirectUris[0];
export const USER_AGENT = "LatchkeyTest/1.0 (Language=TypeScript; Platform=Node)";

export function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  return createSandbox({ port: 0, logRequests: false, ...options });
}

export interface JsonResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

async function toJson<T>(response: Response): Promise<JsonResponse<T>> {
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : undefined) as T };
}

/** POST to the LWA token endpoint as a form. */
export async function lwa<T = Record<string, unknown>>(sandbox: Sandbox, fields: Record<string, string>, init: RequestInit = {}): Promise<JsonResponse<T>> {
  const response = await fetch(`${sandbox.url}/auth/o2/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded;charset=UTF-8" },
    body: new URLSearchParams(fields).toString(),
    ...init,
  });
  return toJson<T>(response);
}

export interface ClientCredentials {
  client_id: string;
  client_secret: string;
}

export const defaultClient: ClientCredentials = { client_id: DEFAULT_APP.clientId, client_secret: DEFAULT_APP.clientSecret };

/** Calls the control API with a JSON body. */
export async function control<T = Record<string, unknown>>(sandbox: Sandbox, method: string, path: string, body?: unknown): Promise<JsonResponse<T>> {
  const response = await fetch(`${sandbox.url}/_sandbox${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return toJson<T>(response);
}

/** Calls SP-API under a region prefix with `x-amz-access-token`. */
export async function spapi<T = Record<string, unknown>>(
  sandbox: Sandbox,
  region: "na" | "eu" | "fe",
  method: string,
  path: string,
  token: string | undefined,
  body?: unknown,
): Promise<JsonResponse<T>> {
  const headers: Record<string, string> = { "user-agent": USER_AGENT };
  if (token !== undefined) headers["x-amz-access-token"] = token;
  if (body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(`${sandbox.url}/spapi/${region}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return toJson<T>(response);
}

/** Self-authorizes and refreshes: a working partner access token. */
export async function partnerAccessToken(sandbox: Sandbox, sellingPartnerId: string, client: ClientCredentials = defaultClient): Promise<{ accessToken: string; refreshToken: string }> {
  const authorized = await control<{ refreshToken: string }>(sandbox, "POST", "/self-authorize", { sellingPartnerId });
  const refreshToken = authorized.body.refreshToken;
  const token = await lwa<{ access_token: string }>(sandbox, { grant_type: "refresh_token", refresh_token: refreshToken, ...client });
  return { accessToken: token.body.access_token, refreshToken };
}

export async function grantlessToken(sandbox: Sandbox, scope: string, client: ClientCredentials = defaultClient): Promise<string> {
  const token = await lwa<{ access_token: string }>(sandbox, { grant_type: "client_credentials", scope, ...client });
  return token.body.access_token;
}

/** The name/value pairs of a form's inputs (hidden and checked radios), as a browser would submit them. */
export function formFields(html: string): { action: string; method: string; fields: Record<string, string>; radios: string[] } {
  const form = /<form[^>]*method="([^"]+)"[^>]*action="([^"]+)"/i.exec(html);
  const fields: Record<string, string> = {};
  const radios: string[] = [];
  for (const match of html.matchAll(/<input([^>]*)>/gi)) {
    const attributes = match[1] ?? "";
    const name = /name="([^"]*)"/.exec(attributes)?.[1];
    const value = decodeEntities(/value="([^"]*)"/.exec(attributes)?.[1] ?? "");
    if (!name) continue;
    if (/type="radio"/.test(attributes)) {
      radios.push(value);
      if (/\schecked/.test(attributes)) fields[name] = value;
    } else {
      fields[name] = value;
    }
  }
  return { method: form?.[1] ?? "", action: decodeEntities(form?.[2] ?? ""), fields, radios };
}

function decodeEntities(value: string): string {
  return value.replaceAll("&quot;", '"').replaceAll("&#39;", "'").replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&");
}

export function errorCodeOf(html: string): string | undefined {
  return /data-testid="error-code">([^<]+)</.exec(html)?.[1];
}

/** Website flow through the HTML: consent page → Confirm → redirect with the code. */
export async function authorizeThroughConsent(
  sandbox: Sandbox,
  options: { central?: "sellercentral" | "vendorcentral"; site?: string; applicationId?: string; state?: string; sellingPartnerId?: string; beta?: boolean; redirectUri?: string } = {},
): Promise<URL> {
  const central = options.central ?? "sellercentral";
  const url = new URL(`${sandbox.url}/${central}/${options.site ?? "us"}/apps/authorize/consent`);
  url.searchParams.set("application_id", options.applicationId ?? DEFAULT_APP.applicationId);
  url.searchParams.set("state", options.state ?? "state-123");
  if (options.beta ?? true) url.searchParams.set("version", "beta");
  if (options.redirectUri) url.searchParams.set("redirect_uri", options.redirectUri);
  const page = await fetch(url);
  if (page.status !== 200) throw new Error(`consent page answered ${page.status}`);
  const form = formFields(await page.text());
  if (options.sellingPartnerId) form.fields.selling_partner_id = options.sellingPartnerId;
  const confirmed = await fetch(new URL(form.action, sandbox.url), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ ...form.fields, action: "confirm" }).toString(),
    redirect: "manual",
  });
  if (confirmed.status !== 302) throw new Error(`confirm answered ${confirmed.status}`);
  return new URL(confirmed.headers.get("location") ?? "");
}
