// Integration tests of the app against a real sandbox over HTTP: start one, point the app's env at it,
// and drive its consent pages as a browser would.
import { createSandbox, type Sandbox } from "@/sandbox/server";
import { formFields } from "../integration/sandbox/support/sandbox-client";

export const TEST_APP_URL = "http://localhost:3999";

/** Starts a sandbox on a random port and points Latchkey's env at it (call before setupTestDatabase). */
export async function startSandboxForApp(): Promise<Sandbox> {
  const sandbox = await createSandbox({
    port: 0,
    redirectUris: [`${TEST_APP_URL}/api/oauth/callback`],
    loginUri: `${TEST_APP_URL}/appstore/login`,
    logRequests: false,
  });
  Object.assign(process.env, {
    AMAZON_ENDPOINTS: "sandbox",
    SANDBOX_URL: sandbox.url,
    APP_URL: TEST_APP_URL,
    AMAZON_HTTP_TIMEOUT_MS: "2000",
  });
  return sandbox;
}

export const SANDBOX_APP = {
  LWA_CLIENT_ID: "amzn1.application-oa2-client.latchkeysandbox",
  LWA_CLIENT_SECRET: "amzn1.oa2-cs.v1.latchkey-sandbox-secret-0001",
  SPAPI_APPLICATION_ID: "amzn1.sp.solution.latchkey-sandbox",
  SPAPI_APP_NAME: "Latchkey Test",
  SPAPI_APP_DRAFT: true,
} as const;

/** Opens a consent URL, picks an account, and clicks Confirm or Cancel; returns where Amazon redirects. */
export async function answerConsent(consentUrl: string, answer: { action: "confirm" | "cancel"; sellingPartnerId?: string }): Promise<URL> {
  const page = await fetch(consentUrl);
  if (page.status !== 200) throw new Error(`consent page answered ${page.status}: ${await page.text()}`);
  const form = formFields(await page.text());
  if (answer.sellingPartnerId) form.fields.selling_partner_id = answer.sellingPartnerId;
  const confirmed = await fetch(new URL(form.action, consentUrl), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ ...form.fields, action: answer.action }).toString(),
    redirect: "manual",
  });
  if (confirmed.status !== 302) throw new Error(`consent form answered ${confirmed.status}`);
  return new URL(confirmed.headers.get("location") ?? "");
}

export function callbackParams(url: URL) {
  return {
    state: url.searchParams.get("state"),
    selling_partner_id: url.searchParams.get("selling_partner_id"),
    spapi_oauth_code: url.searchParams.get("spapi_oauth_code"),
    error: url.searchParams.get("error"),
  };
}

export async function sandboxControl<T = unknown>(sandbox: Sandbox, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${sandbox.url}/_sandbox${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`sandbox ${method} ${path} answered ${response.status}`);
  return (await response.json()) as T;
}
