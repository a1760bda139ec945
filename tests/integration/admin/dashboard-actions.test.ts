// The dashboard's admin actions and pages' data, against the sandbox: force refresh (a new token, never
// shown; invalid_grant found and recorded), bulk test/refresh, the detail page's loader, and the audit
// log's CSV export. Partners and signed-out callers get 404/401 and nothing changes.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { caller } from "../../support/fake-session";
import type { CurrentUser } from "@/lib/auth/current-user";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("@/lib/auth/session", () => import("../../support/fake-session"));

const { bulkAuthorizationsAction } = await import("@/lib/actions/admin/run-bulk-action");
const { forceRefreshAction } = await import("@/lib/actions/admin/force-refresh-token");
const { GET: exportRoute } = await import("@/app/admin/audit/export/route");
const { db } = await import("@/lib/db/client");
const { getAuthorizationDetail } = await import("@/lib/dashboard/get-authorization-detail");
const { recordAuditEvent } = await import("@/lib/audit/record-audit-event");
const { useAppWithSandbox } = await import("../../support/app-harness");
const { connectSeller } = await import("../../support/connect-seller");
const { sandboxControl } = await import("../../support/sandbox-session");

describe("admin dashboard actions", () => {
  const app = useAppWithSandbox();
  const admin: CurrentUser = { id: "admin-1", email: "ops@latchkey.test", role: "ADMIN", tenantId: null };

  function form(fields: Record<string, string | string[]>): FormData {
    const data = new FormData();
    for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(key, v);
    return data;
  }

  async function lwaRefreshCalls(): Promise<number> {
    const stats = await sandboxControl<{ lwa: { byGrantType: Record<string, number> } }>(app.sandbox, "GET", "/stats");
    return stats.lwa.byGrantType.refresh_token ?? 0;
  }

  async function snapshot(authorizationId: string) {
    return {
      authorization: await db.authorization.findUniqueOrThrow({ where: { id: authorizationId }, select: { status: true, lastConnectivityAt: true, refreshCooldownUntil: true, refreshTokenFingerprint: true } }),
      cache: await db.accessTokenCache.findMany({ where: { authorizationId }, select: { tokenCiphertext: true, expiresAt: true } }),
      audit: await db.auditLog.count(),
    };
  }

  beforeEach(() => {
    caller.user = admin;
  });

  describe("force refresh", () => {
    it("gets a new access token with one LWA call, records it without the token, and shows it on the detail page", async () => {
      const seller = await connectSeller(app.sandbox);
      const before = await lwaRefreshCalls();
      const result = await forceRefreshAction(null, form({ authorizationId: seller.authorizationId }));
      expect(result.ok && result.data.ok).toBe(true);
      expect(await lwaRefreshCalls()).toBe(before + 1);
      expect(JSON.stringify(result)).not.toMatch(/Atza/);
      const entry = await db.auditLog.findFirstOrThrow({ where: { action: "authorization.token_refreshed", authorizationId: seller.authorizationId } });
      expect(entry.actorId).toBe(admin.id);
      expect(JSON.stringify(entry.details)).not.toMatch(/Atza/);

      const detail = await getAuthorizationDetail(seller.authorizationId);
      expect(detail.token.fresh).toBe(true);
      expect(detail.token.expiresAt!.getTime()).toBeGreaterThan(Date.now());
      expect(JSON.stringify(detail)).not.toMatch(/Atza|refreshTokenCiphertext|tokenCiphertext/);
      expect(detail.timeline.map((e) => e.action)).toContain("authorization.token_refreshed");
      expect(detail.ledger.every((l) => l.covered)).toBe(true);
    });

    it("finds a revoked grant: the authorization becomes disconnected and the admin is told in plain words", async () => {
      const seller = await connectSeller(app.sandbox);
      await sandboxControl(app.sandbox, "POST", "/revoke", { sellingPartnerId: seller.sellingPartnerId });
      const result = await forceRefreshAction(null, form({ authorizationId: seller.authorizationId }));
      expect(result.ok && !result.data.ok && result.data.failure).toBe("revoked");
      expect((await db.authorization.findUniqueOrThrow({ where: { id: seller.authorizationId } })).status).toBe("REVOKED");
    });

    it("is a 404 for a partner and for an unknown id, and changes nothing", async () => {
      const seller = await connectSeller(app.sandbox);
      const before = await snapshot(seller.authorizationId);
      const calls = await lwaRefreshCalls();
      caller.user = { id: seller.userId, email: "seller@shop.test", role: "PARTNER", tenantId: seller.tenantId };
      const asPartner = await forceRefreshAction(null, form({ authorizationId: seller.authorizationId }));
      expect(asPartner).toMatchObject({ ok: false, error: { code: "not_found" } });
      caller.user = null;
      expect(await forceRefreshAction(null, form({ authorizationId: seller.authorizationId }))).toMatchObject({ ok: false, error: { code: "unauthenticated" } });
      caller.user = admin;
      expect(await forceRefreshAction(null, form({ authorizationId: "nope" }))).toMatchObject({ ok: false, error: { code: "not_found" } });
      expect(await snapshot(seller.authorizationId)).toEqual(before);
      expect(await lwaRefreshCalls()).toBe(calls);
    });
  });

  describe("bulk actions", () => {
    it("tests the selected connected authorizations, skips the others, and reports each failure", async () => {
      const ok = await connectSeller(app.sandbox, { label: "Healthy" });
      const broken = await connectSeller(app.sandbox, { label: "Broken" });
      const pending = await db.authorization.create({ data: { tenantId: (await db.tenant.create({ data: { name: "Pending Co", kind: "SELLER", contactEmail: "p@p.test", marketplaceIds: [] } })).id, region: "NA", authType: "WEBSITE" } });
      await sandboxControl(app.sandbox, "POST", "/revoke", { sellingPartnerId: broken.sellingPartnerId });
      const result = await bulkAuthorizationsAction(null, form({ operation: "test", authorizationIds: [ok.authorizationId, broken.authorizationId, pending.id] }));
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect({ passed: result.data.done, failed: result.data.failed, skipped: result.data.skipped }).toEqual({ passed: 1, failed: 1, skipped: 1 });
      expect(result.data.items.find((i) => i.authorizationId === broken.authorizationId)?.message).toMatch(/no longer accepts/);
      const tested = await db.authorization.findMany({ where: { id: { in: [ok.authorizationId, broken.authorizationId] } }, select: { id: true, lastConnectivityOk: true } });
      expect(Object.fromEntries(tested.map((t) => [t.id, t.lastConnectivityOk]))).toEqual({ [ok.authorizationId]: true, [broken.authorizationId]: false });
    });

    it("refuses an empty selection or an unknown operation with invalid_input, and is a 404 for a partner", async () => {
      expect(await bulkAuthorizationsAction(null, form({ operation: "refresh" }))).toMatchObject({ ok: false, error: { code: "invalid_input" } });
      expect(await bulkAuthorizationsAction(null, form({ operation: "delete", authorizationIds: "x" }))).toMatchObject({ ok: false, error: { code: "invalid_input" } });
      const seller = await connectSeller(app.sandbox);
      const before = await snapshot(seller.authorizationId);
      caller.user = { id: seller.userId, email: "seller@shop.test", role: "PARTNER", tenantId: seller.tenantId };
      expect(await bulkAuthorizationsAction(null, form({ operation: "test", authorizationIds: seller.authorizationId }))).toMatchObject({ ok: false, error: { code: "not_found" } });
      expect(await snapshot(seller.authorizationId)).toEqual(before);
    });
  });

  describe("audit log CSV export", () => {
    const exportCsv = (query = "") => exportRoute(new Request(`http://localhost/admin/audit/export${query}`), { params: Promise.resolve({}) });

    it("streams the matching entries as CSV with escaping, formula protection and redacted details", async () => {
      const seller = await connectSeller(app.sandbox, { label: 'Quote "and", comma' });
      await recordAuditEvent({ action: "authorization.flow_failed", actorType: "PARTNER", tenantId: seller.tenantId, authorizationId: seller.authorizationId, details: { note: "=HYPERLINK(\"x\")\nline two", refreshToken: "Atzr|IwEBIsecretsecretsecret" } });
      const response = await exportCsv(`?tenant=${seller.tenantId}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
      expect(response.headers.get("content-disposition")).toMatch(/attachment; filename="latchkey-audit-.*\.csv"/);
      const text = await response.text();
      const lines = text.split("\r\n");
      expect(lines[0]).toBe("id,at,action,description,actor_type,actor_id,actor_email,tenant_id,tenant_name,authorization_id,request_id,details");
      expect(text).toContain("authorization.connected");
      expect(text).toContain('"Quote ""and"", comma Co');
      expect(text).not.toContain("Atzr|IwEBIsecret");
      expect(text).toContain("[REDACTED]");
      expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
      const others = await db.auditLog.count({ where: { OR: [{ tenantId: null }, { tenantId: { not: seller.tenantId } }] } });
      expect(others).toBeGreaterThan(0); // app-client events exist, and were filtered out
      expect(text).not.toContain("app_client.created");
    });

    it("exports app-client events by action group and refuses bad filters with 422", async () => {
      const all = await (await exportCsv("?action=app_client.*")).text();
      expect(all).toContain("app_client.created");
      expect(all).not.toContain("tenant.registered");
      const bad = await exportCsv("?from=yesterday&actor=ROBOT");
      expect(bad.status).toBe(422);
      expect((await bad.json()).error.code).toBe("invalid_input");
    });

    it("is a 404 for a partner and a 401 signed out", async () => {
      caller.user = { id: "p", email: "seller@shop.test", role: "PARTNER", tenantId: "t" };
      expect((await exportCsv()).status).toBe(404);
      caller.user = null;
      expect((await exportCsv()).status).toBe(401);
    });
  });
});
