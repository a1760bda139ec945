// Issue 12 #5: a North America flow finished on the UK consent page with a Europe account. The token's test
// call fails in North America; one probe per other region finds the account in Europe, the partner is told so
// in plain words, and nothing is stored under the wrong region.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { callbackRedirectPath, completeAuthorization } from "@/lib/oauth/complete-authorization";
import { failureCopy } from "@/lib/oauth/failure-copy";
import { startWebsiteAuthorization } from "@/lib/oauth/start-website-authorization";
import { registerTenant } from "@/lib/tenants/register-tenant";
import { useAppWithSandbox } from "../../support/app-harness";
import { answerConsent, callbackParams } from "../../support/sandbox-session";

const browser = "binding-cookie-of-browser-A";

describe("region mixing", () => {
  useAppWithSandbox({ rateLimits: false });

  it("refuses a Europe account on a North America flow, says so, and stores nothing", async () => {
    const user = await db.user.create({ data: { email: "mixed@example.test" } });
    const tenant = await registerTenant(user.id, { name: "Mixed", kind: "SELLER", contactEmail: "mixed@example.test", marketplaceIds: ["ATVPDKIKX0DER", "A1F83G8C2ARO7P"] });
    const started = await startWebsiteAuthorization({ userId: user.id, tenantId: tenant.id, marketplaceId: "ATVPDKIKX0DER", bindingCookie: browser });
    // The partner opened the UK consent page with the North America flow's link.
    const ukConsent = started.consentUrl.replace("/sellercentral/us/", "/sellercentral/uk/");
    const redirect = await answerConsent(ukConsent, { action: "confirm", sellingPartnerId: "A2SBXSELLEREU01" });

    const outcome = await completeAuthorization(callbackParams(redirect), browser, user.id);
    expect(outcome).toMatchObject({ ok: false, failure: "wrong_region", regions: { account: "EU", started: "NA" } });
    expect(callbackRedirectPath(outcome)).toBe("/connect/error?code=wrong_region&account=EU&started=NA");
    expect(failureCopy("wrong_region", 900, { account: "EU", started: "NA" }).body).toContain("This is a Europe account; you started a North America connection.");

    const authorizations = await db.authorization.findMany({ where: { tenantId: tenant.id } });
    expect(authorizations).toHaveLength(1);
    expect(authorizations[0]).toMatchObject({ region: "NA", status: "PENDING", refreshTokenCiphertext: null, sellingPartnerId: null, accountFingerprint: null });
    const failed = await db.auditLog.findFirstOrThrow({ where: { action: "authorization.flow_failed", tenantId: tenant.id } });
    expect(failed.details).toMatchObject({ failure: "wrong_region", accountRegion: "EU", startedRegion: "NA" });
  });
});
