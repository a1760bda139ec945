// The state machine against a real database and the sandbox: an illegal transition changes nothing, 50
// simultaneous revocations change the status once, subscribers hear each committed transition after
// commit, and the partner's history shows their connection's lifecycle without the admin-only entries.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Sandbox } from "@/sandbox/server";
import { killAuthorization } from "@/lib/authorizations/kill-authorization";
import { markAuthorizationRevoked } from "@/lib/authorizations/revoke-authorization";
import { onAuthorizationTransition, transitionAuthorization, type CommittedTransition } from "@/lib/authorizations/state-machine";
import { db } from "@/lib/db/client";
import { testTenantConnection } from "@/lib/preflight/test-connectivity";
import { getConnectionHistory } from "@/lib/tenants/get-tenant-connections";
import { useAppWithSandbox } from "../../support/app-harness";
import { connectSeller } from "../../support/connect-seller";
import { emailsToTenant } from "../workflows/support";

let sandbox: Sandbox;
let heard: { transition: CommittedTransition; statusAtThatMoment: string | undefined }[] = [];
let unsubscribe: () => void = () => {};

describe("the authorization state machine", () => {
  const app = useAppWithSandbox({ rateLimits: false });
  beforeEach(() => {
    sandbox = app.sandbox;
    heard = [];
    unsubscribe = onAuthorizationTransition("test-recorder", async (transition) => {
      const row = await db.authorization.findUnique({ where: { id: transition.authorizationId }, select: { status: true } });
      heard.push({ transition, statusAtThatMoment: row?.status });
    });
  });
  afterEach(() => unsubscribe());

  it("refuses an illegal transition with 409 conflict and changes nothing", async () => {
    const seller = await connectSeller(sandbox);
    await killAuthorization(seller.authorizationId, { userId: "admin-user" });
    const before = await db.authorization.findUniqueOrThrow({ where: { id: seller.authorizationId } });
    const entries = await db.auditLog.count({ where: { authorizationId: seller.authorizationId } });
    heard = [];

    const refused = transitionAuthorization({
      transition: "quarantine",
      authorizationId: seller.authorizationId,
      actor: { actorType: "ADMIN", actorId: "admin-user" },
      set: { quarantinedAt: new Date(), statusReason: "should not be written" },
      event: ({ tenantId }) => ({ authorizationId: seller.authorizationId, tenantId, quarantinedAt: new Date().toISOString() }),
    });
    await expect(refused).rejects.toMatchObject({ code: "conflict", status: 409, message: "Only a connected authorization can be paused." });

    expect(await db.authorization.findUniqueOrThrow({ where: { id: seller.authorizationId } })).toEqual(before);
    expect(await db.auditLog.count({ where: { authorizationId: seller.authorizationId } })).toBe(entries);
    expect(heard).toEqual([]);
    expect(await emailsToTenant(seller.tenantId, "reauthorization-needed")).toHaveLength(0);
  });

  it("50 simultaneous revocations: one status change, one audit entry, one event, one subscriber call", async () => {
    const seller = await connectSeller(sandbox);
    heard = [];
    const flips = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        markAuthorizationRevoked({
          authorizationId: seller.authorizationId,
          tenantId: seller.tenantId,
          reason: i % 2 ? "admin_revoked" : "partner_disconnected",
          statusReason: "Revoked by the test.",
          actorType: "SYSTEM",
        }),
      ),
    );
    expect(flips.filter(Boolean)).toHaveLength(1);
    expect(await db.auditLog.count({ where: { authorizationId: seller.authorizationId, action: "authorization.revoked" } })).toBe(1);
    expect(await emailsToTenant(seller.tenantId, "authorization-revoked")).toHaveLength(1);
    expect(heard.map((h) => h.transition.transition)).toEqual(["revoke"]);
    expect(await db.authorization.findUniqueOrThrow({ where: { id: seller.authorizationId } })).toMatchObject({ status: "REVOKED", refreshTokenCiphertext: null, refreshTokenFingerprint: null });
  });

  it("tells subscribers what committed, after the commit", async () => {
    const seller = await connectSeller(sandbox);
    expect(heard).toHaveLength(1);
    expect(heard[0]!.transition).toMatchObject({ transition: "connect", authorizationId: seller.authorizationId, tenantId: seller.tenantId, from: "PENDING", to: "ACTIVE", actor: { actorType: "PARTNER", actorId: seller.userId } });
    expect(heard[0]!.statusAtThatMoment).toBe("ACTIVE");

    await killAuthorization(seller.authorizationId, { userId: "admin-user" });
    expect(heard[1]!.transition).toMatchObject({ transition: "revoke", from: "ACTIVE", to: "REVOKED", actor: { actorType: "ADMIN", actorId: "admin-user" } });
    expect(heard[1]!.statusAtThatMoment).toBe("REVOKED");
    // Already revoked: nothing committed, nobody told.
    expect(await killAuthorization(seller.authorizationId, { userId: "admin-user" })).toEqual({ changed: false });
    expect(heard).toHaveLength(2);
  });

  it("the partner's history has the connection and their own test, not the preflight or Latchkey's tests", async () => {
    const seller = await connectSeller(sandbox);
    // Onboarding wrote a connection test (by Latchkey) and a preflight run; an admin then tests too.
    const written = (await db.auditLog.findMany({ where: { authorizationId: seller.authorizationId }, select: { action: true } })).map((e) => e.action);
    expect(written).toEqual(expect.arrayContaining(["authorization.connected", "authorization.connectivity_tested", "authorization.preflight_passed"]));
    await testTenantConnection({ authorizationId: seller.authorizationId, actorType: "ADMIN", actorId: "admin-user" });
    await testTenantConnection({ tenantId: seller.tenantId, authorizationId: seller.authorizationId, actorType: "PARTNER", actorId: seller.userId });

    const history = await getConnectionHistory(seller.tenantId, seller.authorizationId);
    expect(history.map((entry) => [entry.action, entry.actorType])).toEqual([
      ["authorization.connectivity_tested", "PARTNER"],
      ["authorization.connected", "PARTNER"],
      ["authorization.flow_started", "PARTNER"],
    ]);
  });
});
