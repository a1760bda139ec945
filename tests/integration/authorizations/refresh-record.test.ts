// Issue 13 §5: the refresh record says what really happened. invalid_grant is recorded as such when it
// revokes the authorization, and a revocation ends the failure counters and the cool-down; a callback that
// died after consuming its state shows the partner an unfinished attempt.
import { describe, expect, it } from "vitest";
import { killAuthorization } from "@/lib/authorizations/kill-authorization";
import { unfinishedAttemptAt, UNFINISHED_AFTER_MS } from "@/lib/authorizations/status-details";
import { db } from "@/lib/db/client";
import { consumeOAuthState } from "@/lib/oauth/oauth-state";
import { startWebsiteAuthorization } from "@/lib/oauth/start-website-authorization";
import { registerTenant } from "@/lib/tenants/register-tenant";
import { getTenantConnections } from "@/lib/tenants/get-tenant-connections";
import { forgetAllMemoryTokens } from "@/lib/token-cache/token-cache";
import { getAccessToken } from "@/lib/tokens/get-access-token";
import { useAppWithSandbox } from "../../support/app-harness";
import { connectSeller } from "../../support/connect-seller";
import { answerConsent, sandboxControl } from "../../support/sandbox-session";

describe("the refresh record", () => {
  const app = useAppWithSandbox({ rateLimits: false });

  async function failOnce(authorizationId: string) {
    await sandboxControl(app.sandbox, "POST", "/faults", { route: "lwa:refresh_token", kind: "5xx", status: 503 });
    await expect(getAccessToken(authorizationId)).rejects.toMatchObject({ code: "amazon_unavailable" });
    await sandboxControl(app.sandbox, "DELETE", "/faults");
    expect(await db.authorization.findUniqueOrThrow({ where: { id: authorizationId } })).toMatchObject({ consecutiveFailures: 1, lastRefreshError: "server_error" });
    await db.authorization.update({ where: { id: authorizationId }, data: { refreshCooldownUntil: null } });
    forgetAllMemoryTokens();
    await new Promise((resolve) => setTimeout(resolve, 1100));
  }

  it("records invalid_grant and resets the failure counters when Amazon's refusal revokes it", async () => {
    const seller = await connectSeller(app.sandbox);
    await failOnce(seller.authorizationId);
    await sandboxControl(app.sandbox, "POST", "/revoke", { sellingPartnerId: seller.sellingPartnerId });
    await expect(getAccessToken(seller.authorizationId)).rejects.toMatchObject({ code: "authorization_revoked" });
    expect(await db.authorization.findUniqueOrThrow({ where: { id: seller.authorizationId } })).toMatchObject({
      status: "REVOKED",
      lastRefreshError: "invalid_grant",
      consecutiveFailures: 0,
      refreshCooldownUntil: null,
    });
  });

  it("resets the failure counters when an admin revokes it", async () => {
    const seller = await connectSeller(app.sandbox);
    await failOnce(seller.authorizationId);
    await killAuthorization(seller.authorizationId, { userId: "admin-user" });
    expect(await db.authorization.findUniqueOrThrow({ where: { id: seller.authorizationId } })).toMatchObject({ status: "REVOKED", lastRefreshError: null, consecutiveFailures: 0, refreshCooldownUntil: null });
  });

  it("shows a callback that consumed its state and died as an unfinished attempt", async () => {
    const user = await db.user.create({ data: { email: "midway@example.test" } });
    const tenant = await registerTenant(user.id, { name: "Midway", kind: "SELLER", contactEmail: "midway@example.test", marketplaceIds: ["ATVPDKIKX0DER"] });
    const started = await startWebsiteAuthorization({ userId: user.id, tenantId: tenant.id, marketplaceId: "ATVPDKIKX0DER", bindingCookie: "browser" });
    const redirect = await answerConsent(started.consentUrl, { action: "confirm", sellingPartnerId: "A2SBXSELLERNA01" });
    // The callback's first step, then the process dies before the code exchange.
    expect((await consumeOAuthState(redirect.searchParams.get("state"), "browser", user.id)).ok).toBe(true);

    const pending = (await getTenantConnections(tenant.id)).authorizations.find((a) => a.id === started.authorizationId)!;
    expect(pending.status).toBe("PENDING");
    expect(unfinishedAttemptAt(pending)).toBeNull();
    const later = new Date(Date.now() + UNFINISHED_AFTER_MS + 1000);
    expect(unfinishedAttemptAt(pending, later)).toEqual(pending.oauthStates[0]!.consumedAt);
  });
});
