import { beforeEach, describe, expect, it } from "vitest";
import { selfAuthorize } from "@/lib/oauth/self-authorize";
import { readRefreshToken } from "@/lib/authorizations/read-refresh-token";
import { db } from "@/lib/db/client";
import { useAppWithSandbox } from "../../support/app-harness";
import { sandboxControl } from "../../support/sandbox-session";

describe("self-authorization by an admin", () => {
  const app = useAppWithSandbox();
  let admin: string;
  beforeEach(async () => {
    admin = (await db.user.create({ data: { email: "admin@example.test", role: "ADMIN" } })).id;
  });

  it("verifies a pasted token, then creates the new tenant and stores the token encrypted", async () => {
    const { refreshToken } = await sandboxControl<{ refreshToken: string }>(app.sandbox, "POST", "/self-authorize", { sellingPartnerId: "A2SBXSELLEREU01" });
    const outcome = await selfAuthorize({ newTenant: { name: "Our own EU store", kind: "SELLER", contactEmail: "ops@example.test" }, region: "EU", refreshToken, sellingPartnerId: "A2SBXSELLEREU01" }, admin);
    expect(outcome).toMatchObject({ ok: true, fingerprint: expect.stringMatching(/^[0-9a-f]{12}$/) });
    if (!outcome.ok) return;
    const authorization = await db.authorization.findUniqueOrThrow({ where: { id: outcome.authorizationId }, include: { tenant: true } });
    expect(authorization).toMatchObject({ status: "ACTIVE", authType: "SELF", region: "EU", sellingPartnerId: "A2SBXSELLEREU01", lastConnectivityOk: true });
    expect(authorization.tenant.name).toBe("Our own EU store");
    expect(authorization.marketplaceIds.length).toBeGreaterThan(0);
    // The account fingerprint is recorded at this connection too (identity conflicts compare against it).
    expect(authorization.accountFingerprint).toMatchObject({ storeNames: ["Sandbox Store EU 1"] });
    expect(await readRefreshToken(authorization)).toBe(refreshToken);
    expect(await db.auditLog.count({ where: { action: "authorization.self_authorized", authorizationId: authorization.id } })).toBe(1);
  });

  it("stores nothing, not even the new tenant, when Amazon rejects the token", async () => {
    const outcome = await selfAuthorize({ newTenant: { name: "Nobody", kind: "SELLER", contactEmail: "n@example.test" }, region: "NA", refreshToken: `Atzr|${"x".repeat(60)}` }, admin);
    expect(outcome).toMatchObject({ ok: false, code: "token_rejected" });
    expect(await db.tenant.count()).toBe(0);
    expect(await db.authorization.count()).toBe(0);
  });

  it("refuses a token whose test call fails (a vendor token for a seller tenant) and stores nothing", async () => {
    const tenant = await db.tenant.create({ data: { name: "Seller", kind: "SELLER", contactEmail: "s@example.test" } });
    const { refreshToken } = await sandboxControl<{ refreshToken: string }>(app.sandbox, "POST", "/self-authorize", { sellingPartnerId: "amzn1.vg.SBXVENDORNA01" });
    expect(await selfAuthorize({ tenantId: tenant.id, region: "NA", refreshToken }, admin)).toMatchObject({ ok: false, code: "connectivity_failed" });
    expect(await db.authorization.count()).toBe(0);
  });
});
