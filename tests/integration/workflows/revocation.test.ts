// Revocation and quarantine through the real token service and the sandbox: invalid_grant revokes and
// emails once, the kill switch stops every instance within a second, quarantine refuses with a stable code
// until an admin lifts it.
import { beforeEach, describe, expect, it } from "vitest";
import type { Sandbox } from "@/sandbox/server";
import { db } from "@/lib/db/client";
import { killAuthorization } from "@/lib/authorizations/kill-authorization";
import { liftQuarantine } from "@/lib/authorizations/lift-quarantine";
import { quarantineAuthorization } from "@/lib/authorizations/quarantine-authorization";
import { requestReauthorization } from "@/lib/authorizations/request-reauthorization";
import { STATUS_MAX_AGE_MS } from "@/lib/tokens/authorization-for-tokens";
import { getAccessToken } from "@/lib/tokens/get-access-token";
import { useAppWithSandbox } from "../../support/app-harness";
import { connectSeller } from "../../support/connect-seller";
import { sandboxControl } from "../../support/sandbox-session";
import { emailsTo, linkIn } from "./support";

let sandbox: Sandbox;
const admin = { userId: "admin-user" };

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

async function contactOf(tenantId: string): Promise<string> {
  return (await db.tenant.findUniqueOrThrow({ where: { id: tenantId } })).contactEmail;
}

describe("revocation and quarantine", () => {
  const app = useAppWithSandbox({ rateLimits: false });
  beforeEach(() => {
    sandbox = app.sandbox;
  });

  it("welcomes a newly connected partner once, with a link to the connection", async () => {
    const seller = await connectSeller(sandbox);
    const mails = await emailsTo(await contactOf(seller.tenantId), "connected");
    expect(mails.map((m) => m.subject)).toEqual(["Your Seller Central account is connected to Latchkey"]);
    expect(linkIn(mails[0]!.html, "http://localhost:3999/connect/connections/")).toBe(`http://localhost:3999/connect/connections/${seller.authorizationId}`);
  });

  it("revokes on invalid_grant and emails the partner once, however many requests find out", async () => {
    const seller = await connectSeller(sandbox);
    await sandboxControl(sandbox, "POST", "/revoke", { sellingPartnerId: seller.sellingPartnerId });
    const codes = await Promise.all(Array.from({ length: 20 }, () => codeOf(getAccessToken(seller.authorizationId))));
    expect(new Set(codes)).toEqual(new Set(["authorization_revoked"]));
    expect(await codeOf(getAccessToken(seller.authorizationId))).toBe("authorization_revoked");
    const mails = await emailsTo(await contactOf(seller.tenantId), "authorization-revoked");
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe("Your Seller Central account was disconnected from Latchkey");
    expect(mails[0]!.html).toContain("Amazon no longer accepts this authorization");
  });

  it("the kill switch stops token issuance at once, deletes the tokens and emails once", async () => {
    const seller = await connectSeller(sandbox);
    expect((await getAccessToken(seller.authorizationId)).accessToken).toMatch(/^Atza\|/);
    await killAuthorization(seller.authorizationId, admin);
    // The very next request on this instance is refused: the kill does not wait out the status cache's age.
    // (How long the kill itself takes depends on the machine, so it is not timed here.)
    expect(await codeOf(getAccessToken(seller.authorizationId))).toBe("authorization_revoked");
    await killAuthorization(seller.authorizationId, admin);
    expect(await codeOf(getAccessToken(seller.authorizationId))).toBe("authorization_revoked");
    expect(await db.authorization.findUniqueOrThrow({ where: { id: seller.authorizationId } })).toMatchObject({ status: "REVOKED", refreshTokenCiphertext: null });
    expect(await db.accessTokenCache.count({ where: { authorizationId: seller.authorizationId } })).toBe(0);
    const mails = await emailsTo(await contactOf(seller.tenantId), "authorization-revoked");
    expect(mails).toHaveLength(1);
    expect(mails[0]!.html).toContain("An administrator disconnected this account");
  });

  it("a status change written by another instance reaches this one within a second", async () => {
    const seller = await connectSeller(sandbox);
    await getAccessToken(seller.authorizationId);
    await db.authorization.update({ where: { id: seller.authorizationId }, data: { status: "QUARANTINED" } });
    await new Promise((resolve) => setTimeout(resolve, STATUS_MAX_AGE_MS + 50));
    expect(await codeOf(getAccessToken(seller.authorizationId))).toBe("tenant_quarantined");
  });

  it("quarantine refuses tokens with tenant_quarantined and tells the partner; lifting it serves them again", async () => {
    const seller = await connectSeller(sandbox);
    await getAccessToken(seller.authorizationId);
    expect(await quarantineAuthorization(seller.authorizationId, admin)).toEqual({ changed: true });
    expect(await quarantineAuthorization(seller.authorizationId, admin)).toEqual({ changed: false });
    expect(await codeOf(getAccessToken(seller.authorizationId))).toBe("tenant_quarantined");
    const mails = await emailsTo(await contactOf(seller.tenantId), "reauthorization-needed");
    expect(mails.map((m) => m.subject)).toEqual(["Action needed: authorize your Seller Central connection again"]);
    expect(mails[0]!.html).toContain("Access to your account is paused");
    expect(linkIn(mails[0]!.html, "http://localhost:3999/connect/renew?token=")).toBeDefined();

    expect(await liftQuarantine(seller.authorizationId, admin)).toEqual({ changed: true });
    expect((await getAccessToken(seller.authorizationId)).accessToken).toMatch(/^Atza\|/);
    expect(await db.auditLog.findMany({ where: { authorizationId: seller.authorizationId, action: { startsWith: "authorization.quarantine" } }, select: { action: true }, orderBy: { id: "asc" } })).toEqual([
      { action: "authorization.quarantined" },
      { action: "authorization.quarantine_lifted" },
    ]);
  });

  it("refuses to pause a revoked authorization, and a reauthorization request emails the partner without changing the status", async () => {
    const seller = await connectSeller(sandbox);
    await requestReauthorization(seller.authorizationId, admin);
    expect((await db.authorization.findUniqueOrThrow({ where: { id: seller.authorizationId } })).status).toBe("ACTIVE");
    const mails = await emailsTo(await contactOf(seller.tenantId), "reauthorization-needed");
    expect(mails.map((m) => m.subject)).toEqual(["Please authorize your Seller Central connection again"]);
    await killAuthorization(seller.authorizationId, admin);
    expect(await codeOf(quarantineAuthorization(seller.authorizationId, admin))).toBe("conflict");
    expect(await codeOf(quarantineAuthorization("no-such-authorization", admin))).toBe("not_found");
  });
});
