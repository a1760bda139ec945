// The client's management API against a fake Latchkey: the requests it sends (method, path, query, body,
// Idempotency-Key), pages walked to the end by the iterators, and Latchkey's error envelope as LatchkeyError.
import { describe, expect, it } from "vitest";
import { LatchkeyError } from "@latchkey/client";
import { createFake, json, LATCHKEY, type SeenRequest } from "./fake-latchkey";

const tenant = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  externalId: `ext-${id}`,
  name: `Tenant ${id}`,
  kind: "SELLER",
  contactEmail: `${id}@example.com`,
  metadata: {},
  marketplaceIds: [],
  quarantinedAt: null,
  createdAt: "2026-11-22T10:00:00.000Z",
  updatedAt: "2026-11-22T10:00:00.000Z",
  ...extra,
});

const pathOf = (request: SeenRequest) => new URL(request.url).pathname;
const queryOf = (request: SeenRequest) => Object.fromEntries(new URL(request.url).searchParams);

describe("worker client: management API", () => {
  it("creates a tenant with the Idempotency-Key header and only the fields given", async () => {
    const fake = createFake();
    fake.answerManagement((request) => json(201, tenant("t1", request.body as Record<string, unknown>)));
    const created = await fake.client.createTenant({ name: "Acme", kind: "SELLER", contactEmail: "ops@acme.test", externalId: "acme-1", idempotencyKey: "create-acme-1" });
    expect(created).toMatchObject({ id: "t1", name: "Acme", externalId: "acme-1" });
    const [request] = fake.seen;
    expect(request).toMatchObject({ method: "POST", url: `${LATCHKEY}/api/v1/tenants` });
    expect(request!.headers.get("idempotency-key")).toBe("create-acme-1");
    expect(request!.headers.get("authorization")).toBe("Bearer lk_live_test");
    expect(request!.body).toEqual({ name: "Acme", kind: "SELLER", contactEmail: "ops@acme.test", externalId: "acme-1" });

    await fake.client.createTenant({ name: "NoKey", kind: "VENDOR", contactEmail: "v@acme.test" });
    expect(fake.seen[1]!.headers.has("idempotency-key")).toBe(false);
  });

  it("gets, finds by externalId and updates a tenant at URL-encoded paths", async () => {
    const fake = createFake();
    fake.answerManagement((request) => json(200, tenant("t/1", request.method === "PATCH" ? (request.body as Record<string, unknown>) : {})));
    await fake.client.getTenant("t/1");
    await fake.client.getTenantByExternalId("shop 7");
    const updated = await fake.client.updateTenant("t/1", { name: "Renamed", metadata: null });
    expect(fake.seen.map((r) => `${r.method} ${r.url.slice(LATCHKEY.length)}`)).toEqual([
      "GET /api/v1/tenants/t%2F1",
      "GET /api/v1/tenants/by-external-id/shop%207",
      "PATCH /api/v1/tenants/t%2F1",
    ]);
    expect(fake.seen[2]!.body).toEqual({ name: "Renamed", metadata: null });
    expect(updated.name).toBe("Renamed");
  });

  it("lists with filters in the query, and the iterators follow nextCursor to the last page", async () => {
    const fake = createFake();
    const pages: Record<string, { data: unknown[]; nextCursor: string | null }> = {
      "": { data: [tenant("a"), tenant("b")], nextCursor: "c1" },
      c1: { data: [tenant("c")], nextCursor: "c2" },
      c2: { data: [], nextCursor: null },
    };
    fake.answerManagement((request) => json(200, pages[queryOf(request).cursor ?? ""]!));
    const first = await fake.client.listTenants({ kind: "VENDOR", limit: 2 });
    expect(first.nextCursor).toBe("c1");
    expect(queryOf(fake.seen[0]!)).toEqual({ kind: "VENDOR", limit: "2" });

    const ids: string[] = [];
    for await (const t of fake.client.iterateTenants({ contactEmail: "x@example.com", limit: 2 })) ids.push(t.id);
    expect(ids).toEqual(["a", "b", "c"]);
    expect(fake.seen.slice(1).map(queryOf)).toEqual([
      { contactEmail: "x@example.com", limit: "2" },
      { contactEmail: "x@example.com", limit: "2", cursor: "c1" },
      { contactEmail: "x@example.com", limit: "2", cursor: "c2" },
    ]);
  });

  it("lists and iterates authorizations, and gets one", async () => {
    const fake = createFake();
    const summary = (id: string) => ({ id, tenantId: "t1", tenantExternalId: null, region: "EU", sellingPartnerId: "A1", status: "ACTIVE", statusReason: null, createdAt: "2026-11-22T10:00:00.000Z" });
    fake.answerManagement((request) => {
      if (pathOf(request) === "/api/v1/authorizations/auth-9") return json(200, { ...summary("auth-9"), tenant: { id: "t1", externalId: null, name: "T", kind: "SELLER", quarantinedAt: null } });
      return json(200, queryOf(request).cursor ? { data: [summary("z2")], nextCursor: null } : { data: [summary("z1")], nextCursor: "next" });
    });
    const ids: string[] = [];
    for await (const a of fake.client.iterateAuthorizations({ region: "EU", status: "ACTIVE" })) ids.push(a.id);
    expect(ids).toEqual(["z1", "z2"]);
    expect(queryOf(fake.seen[0]!)).toEqual({ region: "EU", status: "ACTIVE" });
    const detail = await fake.client.getAuthorization("auth-9");
    expect(detail.tenant.name).toBe("T");
  });

  it("creates a connect link by externalId with an Idempotency-Key", async () => {
    const fake = createFake();
    fake.answerManagement(() => json(201, { id: "cl1", url: "https://latchkey.test/connect/abc", expiresAt: "2026-11-22T11:00:00.000Z", tenantId: "t1", region: "NA", flow: "connect" }));
    const link = await fake.client.createConnectLink({ externalId: "acme-1", region: "NA", flow: "connect", returnUrl: "https://app.test/done", idempotencyKey: "link-1" });
    expect(link.url).toBe("https://latchkey.test/connect/abc");
    expect(fake.seen[0]).toMatchObject({ method: "POST", url: `${LATCHKEY}/api/v1/connect-links`, body: { externalId: "acme-1", region: "NA", flow: "connect", returnUrl: "https://app.test/done" } });
    expect(fake.seen[0]!.headers.get("idempotency-key")).toBe("link-1");
  });

  it("turns Latchkey's error envelope into LatchkeyError with the stable code", async () => {
    const fake = createFake();
    fake.answerManagement(() => json(404, { error: { code: "not_found", message: "No such tenant", requestId: "req-1" } }));
    const error = await fake.client.getTenant("nope").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LatchkeyError);
    expect(error).toMatchObject({ code: "not_found", status: 404, requestId: "req-1" });
    fake.answerManagement(() => json(422, { error: { code: "idempotency_key_reused", message: "Different body", requestId: "req-2" } }));
    await expect(fake.client.createTenant({ name: "X", kind: "SELLER", contactEmail: "x@x.test", idempotencyKey: "k" })).rejects.toMatchObject({ code: "idempotency_key_reused", status: 422 });
  });
});
