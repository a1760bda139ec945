// The roles ledger as data with two-person review (issue 14 §4): a change is a proposal until a second admin
// approves it, and only then do the gateway and the consent page's ledger see it; an admin cannot approve
// their own; rejecting is possible; every step is audited; outsiders can do nothing.
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/current-user";
import { caller } from "../../support/fake-session";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("@/lib/auth/session", () => import("../../support/fake-session"));

const { proposeLedgerChangeAction } = await import("@/lib/actions/admin/propose-ledger-change");
const { decideLedgerProposalAction } = await import("@/lib/actions/admin/decide-ledger-proposal");
const { createApiKey } = await import("@/lib/api-keys/manage-api-keys");
const { db } = await import("@/lib/db/client");
const { getLedgerPage } = await import("@/lib/ledger/get-ledger-page");
const { readLedger } = await import("@/lib/ledger/read-ledger");
const { useAppWithSandbox } = await import("../../support/app-harness");
const { connectSeller } = await import("../../support/connect-seller");
const { initialLedgerRows } = await import("../../support/initial-ledger");
const { callGateway } = await import("../gateway/support/call-gateway");

const ORDERS = "/orders/v0/orders?MarketplaceIds=ATVPDKIKX0DER&CreatedAfter=2026-11-01T00:00:00Z";
const ACCOUNT = "/sellers/v1/account";

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(key, v);
  return data;
}

const addGetOrders = () =>
  form({ kind: "ADD", api: "ordersV0", operationId: "getOrders", roles: ["Inventory and Order Tracking"], partnerKinds: ["SELLER"], reason: "To sync the orders of the last days to your order system." });

async function errorCode(response: Response): Promise<string | undefined> {
  const body = (await response.json().catch(() => ({}))) as { error?: { code?: string } };
  return body.error?.code;
}

async function ledgerState() {
  const ledger = await readLedger();
  return { entries: ledger.entries.map((e) => [e.operation, e.roles, e.partnerKinds, e.reason]), proposals: await db.ledgerProposal.count() };
}

describe("the roles ledger's two-person review", () => {
  const app = useAppWithSandbox({ rateLimits: false });
  let adminA: CurrentUser;
  let adminB: CurrentUser;
  let apiKey: string;

  beforeEach(async () => {
    const a = await db.user.create({ data: { email: "alice-admin@latchkey.test", role: "ADMIN" } });
    const b = await db.user.create({ data: { email: "bob-admin@latchkey.test", role: "ADMIN" } });
    adminA = { id: a.id, email: a.email, role: "ADMIN", tenantId: null };
    adminB = { id: b.id, email: b.email, role: "ADMIN", tenantId: null };
    apiKey = (await createApiKey({ name: "ledger-worker" }, a.id)).apiKey;
  });

  it("starts from the initial ledger its migration ships", async () => {
    const ledger = await readLedger();
    expect(ledger.entries.map((e) => [e.api, e.operation, e.reason])).toEqual(initialLedgerRows().map((r) => [r.api, r.operationId, r.reason]));
    expect(ledger.requestedRoles("SELLER")).toEqual(["Selling Partner Insights", "Inventory and Order Tracking", "Direct to Consumer Shipping (Restricted)"]);
    const page = await getLedgerPage();
    expect(page.entries.every((e) => e.approvedByEmail === null && e.inCatalog)).toBe(true);
    expect(page.catalog.find((op) => op.operationId === "getOrder" && op.api === "ordersV0")).toMatchObject({ inLedger: true, restricted: true });
  });

  it("applies an addition only once a second admin approves it; then the gateway calls the operation", async () => {
    const seller = await connectSeller(app.sandbox);
    const refused = await callGateway(seller.authorizationId, ORDERS, { key: apiKey });
    expect([refused.status, await errorCode(refused)]).toEqual([403, "operation_not_in_ledger"]);

    caller.user = adminA;
    const proposed = await proposeLedgerChangeAction(null, addGetOrders());
    if (!proposed.ok) throw new Error(proposed.error.message);
    const { proposalId } = proposed.data;
    const pending = await callGateway(seller.authorizationId, ORDERS, { key: apiKey });
    expect([pending.status, await errorCode(pending)]).toEqual([403, "operation_not_in_ledger"]);

    // The proposer cannot approve it, whatever the page shows.
    expect(await decideLedgerProposalAction(null, form({ proposalId, decision: "approve" }))).toMatchObject({ ok: false, error: { code: "ledger_self_approval" } });
    expect(await db.ledgerProposal.findUniqueOrThrow({ where: { id: proposalId } })).toMatchObject({ status: "PENDING" });
    const stillRefused = await callGateway(seller.authorizationId, ORDERS, { key: apiKey });
    expect([stillRefused.status, await errorCode(stillRefused)]).toEqual([403, "operation_not_in_ledger"]);

    caller.user = adminB;
    expect(await decideLedgerProposalAction(null, form({ proposalId, decision: "approve", note: "Needed by the order sync." }))).toEqual({ ok: true, data: { proposalId, status: "APPROVED" } });
    const allowed = await callGateway(seller.authorizationId, ORDERS, { key: apiKey });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get("x-latchkey-operation")).toBe("getOrders");
    expect(await decideLedgerProposalAction(null, form({ proposalId, decision: "approve" }))).toMatchObject({ ok: false, error: { code: "ledger_proposal_decided" } });

    const ledger = await readLedger();
    expect(ledger.forKind("SELLER").find((e) => e.operation === "getOrders")).toMatchObject({ reason: "To sync the orders of the last days to your order system.", method: "GET", path: "/orders/v0/orders" });
    expect(ledger.forKind("VENDOR").some((e) => e.operation === "getOrders")).toBe(false);
    const entry = (await getLedgerPage()).entries.find((e) => e.operationId === "getOrders");
    expect(entry).toMatchObject({ proposedByEmail: "alice-admin@latchkey.test", approvedByEmail: "bob-admin@latchkey.test" });

    const audit = await db.auditLog.findMany({ where: { action: { startsWith: "ledger." } }, orderBy: { id: "asc" } });
    expect(audit.map((e) => [e.action, e.actorType, e.actorId])).toEqual([
      ["ledger.change_proposed", "ADMIN", adminA.id],
      ["ledger.change_approved", "ADMIN", adminB.id],
    ]);
    expect(audit[0]!.details).toMatchObject({ proposalId, kind: "ADD", api: "ordersV0", operation: "getOrders", roles: ["Inventory and Order Tracking"], current: null });
    expect(audit[1]!.details).toMatchObject({ proposalId, kind: "ADD", operation: "getOrders", proposedBy: adminA.id, byProposer: false, note: "Needed by the order sync." });
  });

  it("removes an entry once approved: the gateway refuses it with the ledger's code and the consent ledger no longer lists it", async () => {
    const seller = await connectSeller(app.sandbox);
    const before = await callGateway(seller.authorizationId, ACCOUNT, { key: apiKey });
    expect(await errorCode(before)).not.toBe("operation_not_in_ledger");

    caller.user = adminB;
    const proposed = await proposeLedgerChangeAction(null, form({ kind: "REMOVE", api: "sellers", operationId: "getAccount", note: "The connection page no longer shows the store name." }));
    if (!proposed.ok) throw new Error(proposed.error.message);
    expect((await readLedger()).includes("SELLER", "sellers", "getAccount")).toBe(true);
    caller.user = adminA;
    expect(await decideLedgerProposalAction(null, form({ proposalId: proposed.data.proposalId, decision: "approve" }))).toMatchObject({ ok: true, data: { status: "APPROVED" } });

    const after = await callGateway(seller.authorizationId, ACCOUNT, { key: apiKey });
    expect([after.status, await errorCode(after)]).toEqual([403, "operation_not_in_ledger"]);
    const ledger = await readLedger();
    expect(ledger.forKind("SELLER").map((e) => e.operation)).toEqual(["getMarketplaceParticipations", "getOrder"]);
    expect(ledger.forKind("SELLER").map((e) => e.reason)).not.toContain("To show your business name on your connection page.");
    // The role is still asked for: another entry needs it.
    expect(ledger.requestedRoles("SELLER")).toContain("Selling Partner Insights");
    expect(await db.auditLog.count({ where: { action: "ledger.change_approved", actorId: adminA.id } })).toBe(1);
  });

  it("rejects a change without touching the ledger, and keeps one pending change per operation", async () => {
    const initial = await ledgerState();
    caller.user = adminA;
    const change = form({ kind: "CHANGE", api: "ordersV0", operationId: "getOrder", roles: ["Inventory and Order Tracking"], partnerKinds: ["SELLER"], reason: "To sync your orders, without buyer addresses." });
    const proposed = await proposeLedgerChangeAction(null, change);
    if (!proposed.ok) throw new Error(proposed.error.message);
    expect(await proposeLedgerChangeAction(null, change)).toMatchObject({ ok: false, error: { code: "ledger_change_pending" } });

    caller.user = adminB;
    expect(await decideLedgerProposalAction(null, form({ proposalId: proposed.data.proposalId, decision: "reject", note: "We still ship orders." }))).toMatchObject({ ok: true, data: { status: "REJECTED" } });
    expect((await ledgerState()).entries).toEqual(initial.entries);
    expect(await db.auditLog.findFirst({ where: { action: "ledger.change_rejected" } })).toMatchObject({ actorId: adminB.id, details: expect.objectContaining({ operation: "getOrder", note: "We still ship orders." }) });
    expect(await decideLedgerProposalAction(null, form({ proposalId: proposed.data.proposalId, decision: "approve" }))).toMatchObject({ ok: false, error: { code: "ledger_proposal_decided" } });

    // Decided, the operation is free for a new proposal, which its proposer may withdraw.
    caller.user = adminA;
    const again = await proposeLedgerChangeAction(null, change);
    if (!again.ok) throw new Error(again.error.message);
    expect(await decideLedgerProposalAction(null, form({ proposalId: again.data.proposalId, decision: "reject" }))).toMatchObject({ ok: true, data: { status: "REJECTED" } });
    expect(await db.auditLog.findFirst({ where: { action: "ledger.change_rejected", actorId: adminA.id } })).toMatchObject({ details: expect.objectContaining({ byProposer: true }) });
    expect((await ledgerState()).entries).toEqual(initial.entries);
  });

  it("refuses proposals that do not name a catalog operation, an Amazon role, or a real change", async () => {
    caller.user = adminA;
    const base = { roles: ["Selling Partner Insights"], partnerKinds: ["SELLER"], reason: "A reason long enough to read." };
    expect(await proposeLedgerChangeAction(null, form({ kind: "ADD", api: "sellers", operationId: "getEverything", ...base }))).toMatchObject({ ok: false, error: { code: "invalid_input" } });
    expect(await proposeLedgerChangeAction(null, form({ kind: "ADD", api: "sellers", operationId: "getAccount", ...base }))).toMatchObject({ ok: false, error: { code: "conflict" } });
    expect(await proposeLedgerChangeAction(null, form({ kind: "ADD", api: "ordersV0", operationId: "getOrders", ...base, roles: ["Everything"] }))).toMatchObject({ ok: false, error: { code: "invalid_input" } });
    expect(await proposeLedgerChangeAction(null, form({ kind: "ADD", api: "ordersV0", operationId: "getOrders", ...base, roles: [] }))).toMatchObject({ ok: false, error: { code: "invalid_input" } });
    expect(await proposeLedgerChangeAction(null, form({ kind: "REMOVE", api: "ordersV0", operationId: "getOrders", note: "not there" }))).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await proposeLedgerChangeAction(null, form({ kind: "REMOVE", api: "sellers", operationId: "getAccount" }))).toMatchObject({ ok: false, error: { code: "invalid_input" } });
    const unchanged = initialLedgerRows().find((r) => r.operationId === "getAccount")!;
    expect(
      await proposeLedgerChangeAction(null, form({ kind: "CHANGE", api: "sellers", operationId: "getAccount", roles: [...unchanged.roles], partnerKinds: [...unchanged.partnerKinds], reason: unchanged.reason })),
    ).toMatchObject({ ok: false, error: { code: "invalid_input" } });
    expect(await decideLedgerProposalAction(null, form({ proposalId: "no-such-proposal", decision: "approve" }))).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await db.ledgerProposal.count()).toBe(0);
  });

  it("is a 404 for partners and asks the signed-out to sign in; nothing changes", async () => {
    const seller = await connectSeller(app.sandbox);
    const initial = await ledgerState();
    caller.user = adminA;
    const proposed = await proposeLedgerChangeAction(null, addGetOrders());
    if (!proposed.ok) throw new Error(proposed.error.message);
    const partner = await db.user.findUniqueOrThrow({ where: { id: seller.userId } });
    const outsiders: [CurrentUser | null, string][] = [
      [{ id: partner.id, email: partner.email, role: "PARTNER", tenantId: seller.tenantId }, "not_found"],
      [null, "unauthenticated"],
    ];
    for (const [user, code] of outsiders) {
      caller.user = user;
      expect(await proposeLedgerChangeAction(null, form({ kind: "REMOVE", api: "sellers", operationId: "getAccount", note: "outsider" }))).toMatchObject({ ok: false, error: { code } });
      expect(await decideLedgerProposalAction(null, form({ proposalId: proposed.data.proposalId, decision: "approve" }))).toMatchObject({ ok: false, error: { code } });
      expect(await decideLedgerProposalAction(null, form({ proposalId: proposed.data.proposalId, decision: "reject" }))).toMatchObject({ ok: false, error: { code } });
    }
    expect((await ledgerState()).entries).toEqual(initial.entries);
    expect(await db.ledgerProposal.findMany({ select: { status: true } })).toEqual([{ status: "PENDING" }]);
    expect(await db.auditLog.count({ where: { action: { in: ["ledger.change_approved", "ledger.change_rejected"] } } })).toBe(0);
  });
});
