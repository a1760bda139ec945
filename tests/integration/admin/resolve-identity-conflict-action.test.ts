// The admin action behind the identity-conflict buttons: a partner (even the claimant) and a signed-out
// caller get 404 and nothing changes; an admin's choice is applied once.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { caller } from "../../support/fake-session";
import type { CurrentUser } from "@/lib/auth/current-user";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("@/lib/auth/session", () => import("../../support/fake-session"));

const { resolveIdentityConflictAction } = await import("@/lib/actions/admin/resolve-identity-conflict");
const { listOpenIdentityConflicts } = await import("@/lib/authorizations/identity-conflicts");
const { db } = await import("@/lib/db/client");
const { completeAuthorization } = await import("@/lib/oauth/complete-authorization");
const { startWebsiteAuthorization } = await import("@/lib/oauth/start-website-authorization");
const { registerTenant } = await import("@/lib/tenants/register-tenant");
const { useAppWithSandbox } = await import("../../support/app-harness");
const { connectSeller } = await import("../../support/connect-seller");
const { answerConsent, callbackParams } = await import("../../support/sandbox-session");

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}

describe("resolveIdentityConflictAction", () => {
  const app = useAppWithSandbox({ rateLimits: false });
  const admin: CurrentUser = { id: "admin-identity", email: "ops@latchkey.test", role: "ADMIN", tenantId: null };

  beforeEach(() => {
    caller.user = admin;
  });

  it("is a 404 for partners and the signed-out, and keeps the admin's choice", async () => {
    const holder = await connectSeller(app.sandbox, { label: "Holder" });
    // The claimant consents for their own account and edits the id in the redirect to the holder's.
    const user = await db.user.create({ data: { email: "claimant@example.test" } });
    const tenant = await registerTenant(user.id, { name: "Claimant", kind: "SELLER", contactEmail: user.email, marketplaceIds: ["ATVPDKIKX0DER"] });
    const started = await startWebsiteAuthorization({ userId: user.id, tenantId: tenant.id, marketplaceId: "ATVPDKIKX0DER", bindingCookie: "browser" });
    const claimant = { userId: user.id, tenantId: tenant.id, authorizationId: started.authorizationId };
    const redirect = await answerConsent(started.consentUrl, { action: "confirm", sellingPartnerId: "A2SBXSELLERNA02" });
    redirect.searchParams.set("selling_partner_id", holder.sellingPartnerId);
    expect(await completeAuthorization(callbackParams(redirect), "browser", claimant.userId)).toMatchObject({ ok: true, underReview: true });
    const [conflict] = await listOpenIdentityConflicts({ authorizationIds: [holder.authorizationId] });

    caller.user = { id: claimant.userId, email: "claimant@example.test", role: "PARTNER", tenantId: claimant.tenantId };
    expect(await resolveIdentityConflictAction(null, form({ conflictId: conflict!.id, keep: "claim" }))).toMatchObject({ ok: false, error: { code: "not_found" } });
    caller.user = null;
    expect(await resolveIdentityConflictAction(null, form({ conflictId: conflict!.id, keep: "claim" }))).toMatchObject({ ok: false, error: { code: "unauthenticated" } });
    expect(await db.authorization.findUniqueOrThrow({ where: { id: claimant.authorizationId } })).toMatchObject({ status: "IDENTITY_CONFLICT" });
    expect(await listOpenIdentityConflicts()).toHaveLength(1);

    caller.user = admin;
    expect(await resolveIdentityConflictAction(null, form({ conflictId: conflict!.id, keep: "sideways" }))).toMatchObject({ ok: false, error: { code: "invalid_input" } });
    expect(await resolveIdentityConflictAction(null, form({ conflictId: conflict!.id, keep: "holder" }))).toEqual({ ok: true, data: { changed: true } });
    expect(await db.authorization.findUniqueOrThrow({ where: { id: claimant.authorizationId } })).toMatchObject({ status: "REVOKED" });
    expect(await db.authorization.findUniqueOrThrow({ where: { id: holder.authorizationId } })).toMatchObject({ status: "ACTIVE" });
    expect(await resolveIdentityConflictAction(null, form({ conflictId: "no-such-conflict", keep: "holder" }))).toMatchObject({ ok: false, error: { code: "not_found" } });
  });
});
