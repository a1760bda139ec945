"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { tenantAction, userAction, type ActionResult } from "@/lib/auth/action-guards";
import { disconnectAuthorization } from "@/lib/authorizations/disconnect";
import { testTenantConnection, type ConnectivityResult } from "@/lib/preflight/test-connectivity";
import { readServerEnv } from "@/lib/env";
import { continueAppstoreAuthorization, appstoreParams } from "@/lib/oauth/appstore";
import { BINDING_COOKIE } from "@/lib/oauth/redirect-uri";
import { startWebsiteAuthorization } from "@/lib/oauth/start-website-authorization";
import { randomToken } from "@/lib/oauth/state-token";
import { registerTenant } from "@/lib/tenants/register-tenant";
import { registerTenantInput } from "@/lib/tenants/tenant-input";

/** The browser-binding cookie: reused while it lives, so flows started in two tabs both stay valid. */
async function bindingCookie(): Promise<string> {
  const jar = await cookies();
  const value = jar.get(BINDING_COOKIE)?.value ?? randomToken();
  jar.set(BINDING_COOKIE, value, {
    httpOnly: true,
    sameSite: "lax", // Amazon's redirect back is a top-level GET navigation: Lax cookies are sent
    secure: readServerEnv().APP_URL.startsWith("https:"),
    path: "/",
    maxAge: 60 * 60,
  });
  return value;
}

const register = userAction(registerTenantInput, async (input, { user }) => {
  await registerTenant(user.id, input);
});

export async function registerTenantAction(_previous: ActionResult<void> | null, form: FormData): Promise<ActionResult<void>> {
  const next = typeof form.get("next") === "string" ? String(form.get("next")) : "";
  const result = await register({
    name: form.get("name"),
    kind: form.get("kind"),
    contactEmail: form.get("contactEmail"),
    marketplaceIds: form.getAll("marketplaceIds"),
  } as z.input<typeof registerTenantInput>);
  if (result.ok) redirect(next.startsWith("/appstore/login?") ? next : "/connect");
  return result;
}

const start = tenantAction(z.object({ marketplaceId: z.string().min(1), reason: z.enum(["renewal", "role_change", "partner_request"]).optional() }), async (input, { user, tenantId }) => {
  const { consentUrl } = await startWebsiteAuthorization({ userId: user.id, tenantId, marketplaceId: input.marketplaceId, reason: input.reason, bindingCookie: await bindingCookie() });
  return consentUrl;
});

export async function startAuthorizationAction(_previous: ActionResult<string> | null, form: FormData): Promise<ActionResult<string>> {
  const result = await start(form);
  if (result.ok) redirect(result.data);
  return result;
}

const continueAppstore = tenantAction(appstoreParams, async (params, { user, tenantId }) => {
  const outcome = await continueAppstoreAuthorization({ userId: user.id, tenantId, params, bindingCookie: await bindingCookie() });
  return outcome.ok ? outcome.redirectUrl : `/connect/error?code=${outcome.failure}`;
});

export async function continueAppstoreAction(_previous: ActionResult<string> | null, form: FormData): Promise<ActionResult<string>> {
  const result = await continueAppstore(form);
  if (result.ok) redirect(result.data);
  return result;
}

const authorizationIdInput = z.object({ authorizationId: z.string().min(1) });

const testConnection = tenantAction(authorizationIdInput, ({ authorizationId }, { user, tenantId, requestId }) =>
  testTenantConnection({ tenantId, authorizationId, actorType: "PARTNER", actorId: user.id, requestId }),
);

export async function testConnectionAction(_previous: ActionResult<ConnectivityResult> | null, form: FormData): Promise<ActionResult<ConnectivityResult>> {
  return testConnection(form);
}

const disconnect = tenantAction(authorizationIdInput, async ({ authorizationId }, { user, tenantId, requestId }) => {
  await disconnectAuthorization({ tenantId, authorizationId, userId: user.id, requestId });
  return authorizationId;
});

export async function disconnectAction(_previous: ActionResult<string> | null, form: FormData): Promise<ActionResult<string>> {
  const result = await disconnect(form);
  if (result.ok) redirect(`/connect/connections/${result.data}?disconnected=1`);
  return result;
}
