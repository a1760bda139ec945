// The admin table's bulk lifecycle actions: pause (quarantine) and ask to reauthorize the selected
// authorizations, one lib call each (each audited), with a plain summary. Pausing must be confirmed;
// a partner gets 404 and nothing changes.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { caller } from "../../support/fake-session";
import type { CurrentUser } from "@/lib/auth/current-user";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("@/lib/auth/session", () => import("../../support/fake-session"));

const { bulkAuthorizationsAction: bulkLifecycleAction } = await import("@/lib/actions/admin/run-bulk-action");
const { db } = await import("@/lib/db/client");
const { getAccessToken } = await import("@/lib/tokens/get-access-token");
const { useAppWithSandbox } = await import("../../support/app-harness");
const { connectSeller } = await import("../../support/connect-seller");

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(key, v);
  return data;
}

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

describe("bulk pause and ask to reauthorize", () => {
  const app = useAppWithSandbox({ rateLimits: false });
  const admin: CurrentUser = { id: "admin-bulk", email: "ops@latchkey.test", role: "ADMIN", tenantId: null };

  beforeEach(() => {
    caller.user = admin;
  });

  it("pauses every selected connected authorization, audits each, and says which were left alone", async () => {
    const one = await connectSeller(app.sandbox, { label: "Bulk One" });
    const two = await connectSeller(app.sandbox, { label: "Bulk Two" });
    const revoked = await connectSeller(app.sandbox, { label: "Bulk Revoked" });
    await db.authorization.update({ where: { id: revoked.authorizationId }, data: { status: "REVOKED" } });
    const ids = [one.authorizationId, two.authorizationId, revoked.authorizationId, "no-such-authorization"];

    const result = await bulkLifecycleAction(null, form({ operation: "pause", confirmed: "1", authorizationIds: ids }));
    expect(result).toMatchObject({ ok: true, data: { operation: "pause", done: 2, summary: "2 paused, 1 was already revoked, 1 was not found" } });

    const statuses = await db.authorization.findMany({ where: { id: { in: ids } }, select: { id: true, status: true } });
    expect(Object.fromEntries(statuses.map((s) => [s.id, s.status]))).toEqual({ [one.authorizationId]: "QUARANTINED", [two.authorizationId]: "QUARANTINED", [revoked.authorizationId]: "REVOKED" });
    expect(await codeOf(getAccessToken(one.authorizationId))).toBe("tenant_quarantined");
    const audit = await db.auditLog.findMany({ where: { action: "authorization.quarantined", actorId: admin.id }, select: { authorizationId: true } });
    expect(audit.map((a) => a.authorizationId).sort()).toEqual([one.authorizationId, two.authorizationId].sort());

    // Again: nothing changes, and the summary says so.
    const again = await bulkLifecycleAction(null, form({ operation: "pause", confirmed: "1", authorizationIds: [one.authorizationId, two.authorizationId] }));
    expect(again).toMatchObject({ ok: true, data: { done: 0, summary: "2 were already paused" } });
    expect(await db.auditLog.count({ where: { action: "authorization.quarantined", actorId: admin.id } })).toBe(2);
  });

  it("asks the partners of the selected authorizations to reauthorize, one audited request each", async () => {
    const one = await connectSeller(app.sandbox, { label: "Reauth One" });
    const pending = await db.authorization.create({ data: { tenantId: (await db.tenant.create({ data: { name: "Pending Bulk", kind: "SELLER", contactEmail: "pending@bulk.test", marketplaceIds: [] } })).id, region: "NA", authType: "WEBSITE" } });
    const result = await bulkLifecycleAction(null, form({ operation: "reauthorize", authorizationIds: [one.authorizationId, pending.id] }));
    expect(result).toMatchObject({ ok: true, data: { done: 1, summary: "1 asked to reauthorize, 1 is not connected yet" } });
    const audit = await db.auditLog.findMany({ where: { action: "authorization.reauthorization_requested", actorId: admin.id }, select: { authorizationId: true } });
    expect(audit.map((a) => a.authorizationId)).toEqual([one.authorizationId]);
  });

  it("refuses an unconfirmed pause, an empty selection or an unknown operation with invalid_input, and is a 404 for a partner", async () => {
    const seller = await connectSeller(app.sandbox, { label: "Bulk Guard" });
    expect(await bulkLifecycleAction(null, form({ operation: "pause", authorizationIds: seller.authorizationId }))).toMatchObject({ ok: false, error: { code: "invalid_input" } });
    expect(await bulkLifecycleAction(null, form({ operation: "reauthorize" }))).toMatchObject({ ok: false, error: { code: "invalid_input" } });
    expect(await bulkLifecycleAction(null, form({ operation: "revoke", authorizationIds: seller.authorizationId }))).toMatchObject({ ok: false, error: { code: "invalid_input" } });
    caller.user = { id: seller.userId, email: "seller@shop.test", role: "PARTNER", tenantId: seller.tenantId };
    expect(await bulkLifecycleAction(null, form({ operation: "pause", confirmed: "1", authorizationIds: seller.authorizationId }))).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect((await db.authorization.findUniqueOrThrow({ where: { id: seller.authorizationId } })).status).toBe("ACTIVE");
    expect(await db.auditLog.count({ where: { authorizationId: seller.authorizationId, action: { in: ["authorization.quarantined", "authorization.reauthorization_requested"] } } })).toBe(0);
  });
});
