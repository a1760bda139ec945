// The management API's tenants and authorizations (issue 15 §1): create with Idempotency-Key, read by id
// or externalId, update, cursor pages, filters; keys limited to tenants, wrong scopes and bad input.
import { beforeEach, describe, expect, it } from "vitest";
import * as authorizationRoute from "@/app/api/v1/authorizations/[id]/route";
import * as authorizationsRoute from "@/app/api/v1/authorizations/route";
import * as tenantRoute from "@/app/api/v1/tenants/[id]/route";
import * as byExternalIdRoute from "@/app/api/v1/tenants/by-external-id/[externalId]/route";
import * as tenantsRoute from "@/app/api/v1/tenants/route";
import { createApiKey } from "@/lib/api-keys/manage-api-keys";
import { getAuthorizationDetail } from "@/lib/dashboard/get-authorization-detail";
import { db } from "@/lib/db/client";
import { useAppWithSandbox } from "../../support/app-harness";
import { connectSeller } from "../../support/connect-seller";
import { call } from "./support";

interface Tenant {
  id: string;
  externalId: string | null;
  name: string;
  metadata: Record<string, unknown>;
  kind: string;
}

interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

let admin: string;
let key: string;

const acme = { name: "Acme Goods", kind: "SELLER", contactEmail: "Ops@Acme.test", externalId: "acct_1001", metadata: { plan: "pro", seats: 5, trial: false } };

async function createTenant(body: unknown, options: { key?: string; idempotencyKey?: string } = {}) {
  return call<Tenant>(tenantsRoute.POST, "POST", "/api/v1/tenants", { key: options.key ?? key, body, headers: options.idempotencyKey ? { "idempotency-key": options.idempotencyKey } : {} });
}

describe("management API: tenants and authorizations", () => {
  const app = useAppWithSandbox({ rateLimits: false });
  beforeEach(async () => {
    admin = (await db.user.create({ data: { email: "admin@example.test", role: "ADMIN" } })).id;
    key = (await createApiKey({ name: "host-app", scopes: ["management"], rateLimitPerMinute: 100_000 }, admin)).apiKey;
  });

  it("creates a tenant and reads it back by id, by externalId (path and filter), then updates it", async () => {
    const created = await createTenant(acme);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "Acme Goods", kind: "SELLER", contactEmail: "ops@acme.test", externalId: "acct_1001", metadata: { plan: "pro", seats: 5, trial: false }, quarantinedAt: null });
    const id = created.body.id;

    expect((await call(tenantRoute.GET, "GET", `/api/v1/tenants/${id}`, { key, params: { id } })).body).toEqual(created.body);
    expect((await call(byExternalIdRoute.GET, "GET", "/api/v1/tenants/by-external-id/acct_1001", { key, params: { externalId: "acct_1001" } })).body).toEqual(created.body);
    const filtered = await call<Page<Tenant>>(tenantsRoute.GET, "GET", "/api/v1/tenants?externalId=acct_1001", { key });
    expect(filtered.body.data.map((t) => t.id)).toEqual([id]);

    const patched = await call<Tenant>(tenantRoute.PATCH, "PATCH", `/api/v1/tenants/${id}`, { key, params: { id }, body: { name: "Acme Goods Ltd", metadata: { plan: "enterprise" }, externalId: "acct_2002" } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ name: "Acme Goods Ltd", metadata: { plan: "enterprise" }, externalId: "acct_2002" });
    expect((await call(byExternalIdRoute.GET, "GET", "/x", { key, params: { externalId: "acct_1001" } })).status).toBe(404);
    const cleared = await call<Tenant>(tenantRoute.PATCH, "PATCH", `/api/v1/tenants/${id}`, { key, params: { id }, body: { metadata: null, externalId: null } });
    expect(cleared.body).toMatchObject({ metadata: {}, externalId: null });
    const audit = await db.auditLog.findMany({ where: { tenantId: id }, orderBy: { id: "asc" }, select: { action: true, actorType: true } });
    expect(audit).toEqual([
      { action: "tenant.created_by_api", actorType: "API_KEY" },
      { action: "tenant.updated_by_api", actorType: "API_KEY" },
      { action: "tenant.updated_by_api", actorType: "API_KEY" },
    ]);
  });

  it("refuses bad input with stable codes and keeps nothing", async () => {
    await createTenant(acme);
    expect((await createTenant({ ...acme, name: "Other" })).code).toBe("external_id_taken");
    const tooManyKeys = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, i]));
    const cases: [unknown, number, string][] = [
      [{ ...acme, externalId: undefined, metadata: tooManyKeys }, 422, "invalid_input"],
      [{ ...acme, externalId: undefined, metadata: { big: "x".repeat(1000), more: "y".repeat(1000), a: "z".repeat(1000), b: "w".repeat(1000), c: "v".repeat(1000), d: "u".repeat(1000), e: "t".repeat(1000), f: "s".repeat(1000), g: "r".repeat(1000) } }, 422, "invalid_input"],
      [{ ...acme, externalId: undefined, metadata: { nested: { a: 1 } } }, 422, "invalid_input"],
      [{ ...acme, externalId: "has space" }, 422, "invalid_input"],
      [{ ...acme, externalId: undefined, kind: "BUYER" }, 422, "invalid_input"],
      [{ ...acme, externalId: undefined, role: "ADMIN" }, 422, "invalid_input"],
      [[acme], 422, "invalid_input"],
    ];
    for (const [body, status, code] of cases) {
      const answer = await createTenant(body);
      expect([answer.status, answer.code], JSON.stringify(body).slice(0, 80)).toEqual([status, code]);
    }
    const notJson = await call(tenantsRoute.POST, "POST", "/api/v1/tenants", { key, raw: "{name:" });
    expect([notJson.status, notJson.code]).toEqual([400, "bad_request"]);
    expect(await db.tenant.count()).toBe(1);

    const id = (await db.tenant.findFirstOrThrow()).id;
    expect((await call(tenantRoute.PATCH, "PATCH", "/x", { key, params: { id }, body: {} })).code).toBe("invalid_input");
    expect((await call(tenantRoute.GET, "GET", "/x", { key, params: { id: "a\u0000b" } })).status).toBe(404);
    expect((await call(tenantRoute.PUT, "PUT", "/x", { key, params: { id } })).status).toBe(405);
    expect((await call(tenantsRoute.GET, "GET", "/api/v1/tenants?limit=0", { key })).code).toBe("invalid_input");
    expect((await call(tenantsRoute.GET, "GET", "/api/v1/tenants?limit=201", { key })).code).toBe("invalid_input");
    expect((await call(tenantsRoute.GET, "GET", "/api/v1/tenants?cursor=not-a-cursor", { key })).code).toBe("invalid_input");
    expect((await call(authorizationsRoute.GET, "GET", "/api/v1/authorizations?status=SLEEPING", { key })).code).toBe("invalid_input");
  });

  it("replays a retried create with the same Idempotency-Key and refuses the key with another body", async () => {
    const first = await createTenant(acme, { idempotencyKey: "create-acme-1" });
    const retry = await createTenant(acme, { idempotencyKey: "create-acme-1" });
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    expect(await db.tenant.count()).toBe(1);

    const other = await createTenant({ ...acme, name: "Someone Else" }, { idempotencyKey: "create-acme-1" });
    expect([other.status, other.code]).toEqual([422, "idempotency_key_reused"]);
    // Keys belong to one API key: another key's same header value is a new request.
    const otherKey = (await createApiKey({ name: "other-app", scopes: ["management"] }, admin)).apiKey;
    const elsewhere = await createTenant({ ...acme, externalId: "acct_other" }, { key: otherKey, idempotencyKey: "create-acme-1" });
    expect(elsewhere.status).toBe(201);
    expect(elsewhere.body.id).not.toBe(first.body.id);
    // A first request that failed keeps nothing: its retry runs again.
    const taken = await createTenant({ ...acme, name: "Dup" }, { idempotencyKey: "dup-1" });
    expect(taken.code).toBe("external_id_taken");
    const fixed = await createTenant({ ...acme, name: "Dup" }, { idempotencyKey: "dup-1" });
    expect(fixed.code).toBe("external_id_taken");
    expect((await createTenant({ ...acme, name: "x" }, { idempotencyKey: "bad key with spaces" })).code).toBe("invalid_input");
    // An expired key is forgotten.
    await db.idempotencyKey.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } });
    const again = await createTenant({ ...acme, externalId: "acct_3003" }, { idempotencyKey: "create-acme-1" });
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(first.body.id);
  });

  it("pages tenants newest first with a cursor, never skipping or repeating, with filters", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await createTenant({ ...acme, externalId: `acct_${i}`, kind: i % 2 ? "VENDOR" : "SELLER", name: `Tenant ${i}` })).body.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const answer: { body: Page<Tenant> } = await call<Page<Tenant>>(tenantsRoute.GET, "GET", `/api/v1/tenants?limit=2${cursor ? `&cursor=${cursor}` : ""}`, { key });
      expect(answer.body.data.length).toBeLessThanOrEqual(2);
      seen.push(...answer.body.data.map((t) => t.id));
      cursor = answer.body.nextCursor;
      pages++;
      if (pages === 1) await createTenant({ ...acme, externalId: "acct_late", name: "Created meanwhile" });
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([...ids].reverse());
    const vendors = await call<Page<Tenant>>(tenantsRoute.GET, "GET", "/api/v1/tenants?kind=VENDOR", { key });
    expect(vendors.body.data.map((t) => t.name)).toEqual(["Tenant 3", "Tenant 1"]);
  });

  it("lists and filters authorizations and reads one with the admin page's facts, never a token", async () => {
    const a = await connectSeller(app.sandbox, { label: "Alpha" });
    const b = await connectSeller(app.sandbox, { label: "Beta" });
    const eu = await connectSeller(app.sandbox, { label: "Gamma", region: "EU" });
    await call(tenantRoute.PATCH, "PATCH", "/x", { key, params: { id: b.tenantId }, body: { externalId: "beta-ext" } });
    await db.authorization.update({ where: { id: a.authorizationId }, data: { status: "REAUTH_REQUIRED" } });

    const list = async (query: string) => (await call<Page<{ id: string }>>(authorizationsRoute.GET, "GET", `/api/v1/authorizations?${query}`, { key })).body.data.map((row) => row.id);
    expect(await list("")).toEqual([eu.authorizationId, b.authorizationId, a.authorizationId]);
    expect(await list(`sellingPartnerId=${a.sellingPartnerId}`)).toEqual([a.authorizationId]);
    expect(await list("region=EU")).toEqual([eu.authorizationId]);
    expect(await list("status=REAUTH_REQUIRED")).toEqual([a.authorizationId]);
    expect(await list(`tenantId=${a.tenantId}`)).toEqual([a.authorizationId]);
    expect(await list("externalId=beta-ext")).toEqual([b.authorizationId]);
    expect(await list("region=NA&status=ACTIVE")).toEqual([b.authorizationId]);
    const first = await call<Page<{ id: string }>>(authorizationsRoute.GET, "GET", "/api/v1/authorizations?limit=2", { key });
    const second = await call<Page<{ id: string }>>(authorizationsRoute.GET, "GET", `/api/v1/authorizations?limit=2&cursor=${first.body.nextCursor}`, { key });
    expect([...first.body.data, ...second.body.data].map((row) => row.id)).toEqual([eu.authorizationId, b.authorizationId, a.authorizationId]);
    expect(second.body.nextCursor).toBeNull();

    const answer = await call<Record<string, unknown>>(authorizationRoute.GET, "GET", `/api/v1/authorizations/${b.authorizationId}`, { key, params: { id: b.authorizationId } });
    expect(answer.status).toBe(200);
    const detail = await getAuthorizationDetail(b.authorizationId);
    expect(answer.body).toMatchObject({
      id: b.authorizationId,
      tenantId: b.tenantId,
      tenantExternalId: "beta-ext",
      sellingPartnerId: b.sellingPartnerId,
      region: "NA",
      status: "ACTIVE",
      refreshTokenFingerprint: detail.authorization.refreshTokenFingerprint,
      roles: detail.authorization.roles,
      renewalDueAt: detail.authorization.renewalDueAt!.toISOString(),
      lastConnectivityOk: true,
      tenant: { id: b.tenantId, externalId: "beta-ext" },
      token: { cached: detail.token.cached },
      extraRoles: detail.extraRoles,
      identityConflict: false,
      vendorLinkage: { applies: false },
    });
    expect((answer.body.ledger as unknown[]).length).toBe(detail.ledger.length);
    expect((answer.body.timeline as { action: string }[]).map((e) => e.action)).toContain("authorization.connected");
    const text = JSON.stringify(answer.body);
    const stored = await db.authorization.findUniqueOrThrow({ where: { id: b.authorizationId } });
    expect(text).not.toContain(stored.refreshTokenCiphertext!);
    expect(text).not.toMatch(/Atza\||Atzr\||ciphertext/i);
    expect((await call(authorizationRoute.GET, "GET", "/x", { key, params: { id: "no-such-authorization" } })).status).toBe(404);
  });

  it("keeps a key limited to tenants inside them: others are 404 and unchanged, and it cannot create tenants", async () => {
    const mine = await connectSeller(app.sandbox, { label: "Mine" });
    const theirs = await connectSeller(app.sandbox, { label: "Theirs" });
    await db.tenant.update({ where: { id: theirs.tenantId }, data: { externalId: "theirs-ext" } });
    const limited = (await createApiKey({ name: "limited", scopes: ["management"], tenantIds: [mine.tenantId] }, admin)).apiKey;
    const before = await db.tenant.findUniqueOrThrow({ where: { id: theirs.tenantId } });

    const tenants = await call<Page<Tenant>>(tenantsRoute.GET, "GET", "/api/v1/tenants", { key: limited });
    expect(tenants.body.data.map((t) => t.id)).toEqual([mine.tenantId]);
    expect((await call(tenantRoute.GET, "GET", "/x", { key: limited, params: { id: theirs.tenantId } })).code).toBe("not_found");
    expect((await call(byExternalIdRoute.GET, "GET", "/x", { key: limited, params: { externalId: "theirs-ext" } })).code).toBe("not_found");
    expect((await call(tenantRoute.PATCH, "PATCH", "/x", { key: limited, params: { id: theirs.tenantId }, body: { name: "Hijacked" } })).code).toBe("not_found");
    expect((await call(tenantRoute.PATCH, "PATCH", "/x", { key: limited, params: { id: mine.tenantId }, body: { name: "Mine renamed" } })).status).toBe(200);
    expect(await db.tenant.findUniqueOrThrow({ where: { id: theirs.tenantId } })).toEqual(before);
    expect((await call(authorizationRoute.GET, "GET", "/x", { key: limited, params: { id: theirs.authorizationId } })).code).toBe("not_found");
    expect((await call(authorizationRoute.GET, "GET", "/x", { key: limited, params: { id: mine.authorizationId } })).status).toBe(200);
    const authorizations = await call<Page<{ id: string }>>(authorizationsRoute.GET, "GET", `/api/v1/authorizations?tenantId=${theirs.tenantId}`, { key: limited });
    expect(authorizations.body.data).toEqual([]);
    const created = await createTenant(acme, { key: limited });
    expect([created.status, created.code]).toEqual([403, "forbidden"]);
    expect(await db.tenant.count()).toBe(2);
  });

  it("needs the management scope (403) and a key (401) on every route", async () => {
    const tokensOnly = (await createApiKey({ name: "worker", scopes: ["access_tokens", "gateway"] }, admin)).apiKey;
    const tenant = (await createTenant(acme)).body;
    const routes = [
      () => call(tenantsRoute.GET, "GET", "/api/v1/tenants", { key: tokensOnly }),
      () => createTenant({ ...acme, externalId: "x2" }, { key: tokensOnly }),
      () => call(tenantRoute.GET, "GET", "/x", { key: tokensOnly, params: { id: tenant.id } }),
      () => call(tenantRoute.PATCH, "PATCH", "/x", { key: tokensOnly, params: { id: tenant.id }, body: { name: "Changed" } }),
      () => call(byExternalIdRoute.GET, "GET", "/x", { key: tokensOnly, params: { externalId: "acct_1001" } }),
      () => call(authorizationsRoute.GET, "GET", "/api/v1/authorizations", { key: tokensOnly }),
      () => call(authorizationRoute.GET, "GET", "/x", { key: tokensOnly, params: { id: "any-id" } }),
    ];
    for (const route of routes) expect((await route()).code).toBe("insufficient_scope");
    expect((await call(tenantsRoute.GET, "GET", "/api/v1/tenants")).status).toBe(401);
    expect((await call(authorizationsRoute.GET, "GET", "/api/v1/authorizations", { key: "lk_live_nope" })).status).toBe(401);
    expect((await db.tenant.findUniqueOrThrow({ where: { id: tenant.id } })).name).toBe("Acme Goods");
    expect(await db.tenant.count()).toBe(1);
  });
});
