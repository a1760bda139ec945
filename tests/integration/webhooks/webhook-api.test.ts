// The webhook API (/api/v1/webhook-endpoints) and the admin page's server actions: the `webhooks` scope is
// required (403), a tenant-limited key sees and manages only its tenants' endpoints (everything else 404,
// nothing changes), bad input is 422 with a stable code, and the admin actions refuse partners (404) and
// the signed-out (401) without changing anything.
import { NextRequest } from "next/server";
import { beforeAll, afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { caller } from "../../support/fake-session";
import type { CurrentUser } from "@/lib/auth/current-user";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("@/lib/auth/session", () => import("../../support/fake-session"));

const collection = await import("@/app/api/v1/webhook-endpoints/route");
const single = await import("@/app/api/v1/webhook-endpoints/[id]/route");
const deliveriesRoute = await import("@/app/api/v1/webhook-endpoints/[id]/deliveries/route");
const redeliverRoute = await import("@/app/api/v1/webhook-endpoints/[id]/deliveries/[deliveryId]/redeliver/route");
const testRoute = await import("@/app/api/v1/webhook-endpoints/[id]/test/route");
const { createApiKey } = await import("@/lib/api-keys/manage-api-keys");
const { db } = await import("@/lib/db/client");
const { createWebhookEndpointAction } = await import("@/lib/actions/admin/create-webhook-endpoint");
const { deleteWebhookEndpointAction } = await import("@/lib/actions/admin/delete-webhook-endpoint");
const { redeliverWebhookAction } = await import("@/lib/actions/admin/redeliver-webhook");
const { sendTestWebhookAction } = await import("@/lib/actions/admin/send-test-webhook");
const { setWebhookEndpointEnabledAction } = await import("@/lib/actions/admin/set-webhook-endpoint-enabled");
const { useAppWithSandbox } = await import("../../support/app-harness");
const { connectSeller } = await import("../../support/connect-seller");
const { startWebhookReceiver } = await import("../../support/webhook-receiver");

type Receiver = Awaited<ReturnType<typeof startWebhookReceiver>>;
let receiver: Receiver;

function call(route: (request: Request, context?: { params: Promise<Record<string, string>> }) => Promise<Response>, key: string | null, init: { method?: string; body?: unknown; params?: Record<string, string>; query?: string } = {}) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (key) headers.authorization = `Bearer ${key}`;
  const request = new NextRequest(`http://localhost/api/v1/webhook-endpoints${init.query ?? ""}`, {
    method: init.method ?? "GET",
    headers,
    body: init.body === undefined ? undefined : typeof init.body === "string" ? init.body : JSON.stringify(init.body),
  });
  return route(request, { params: Promise.resolve(init.params ?? {}) });
}

async function answer(response: Response): Promise<[number, string | undefined]> {
  const body = response.status === 204 ? {} : ((await response.json()) as { error?: { code: string } });
  return [response.status, body.error?.code];
}

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(key, v);
  return data;
}

describe("webhook endpoints API and admin actions", () => {
  const app = useAppWithSandbox({ rateLimits: false });
  const admin: CurrentUser = { id: "admin-webhooks", email: "ops@latchkey.test", role: "ADMIN", tenantId: null };
  let adminId: string;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
  });
  afterAll(async () => {
    await receiver.close();
  });
  beforeEach(async () => {
    receiver.received.length = 0;
    adminId = (await db.user.create({ data: { email: "admin@example.test", role: "ADMIN" } })).id;
    caller.user = admin;
  });

  it("registers, reads, lists, changes, tests and removes an endpoint with a webhooks key; the secret is shown once", async () => {
    const { apiKey } = await createApiKey({ name: "crm", scopes: ["webhooks"] }, adminId);
    const created = await call(collection.POST, apiKey, { method: "POST", body: { url: receiver.url, eventTypes: ["authorization.revoked", "authorization.connected", "authorization.revoked"], description: "CRM" } });
    expect(created.status).toBe(201);
    const { endpoint, secret } = (await created.json()) as { endpoint: { id: string; eventTypes: string[]; enabled: boolean }; secret: string };
    expect(endpoint).toMatchObject({ eventTypes: ["authorization.connected", "authorization.revoked"], enabled: true, tenantId: null });
    expect(secret).toMatch(/^whsec_/);

    const read = (await (await call(single.GET, apiKey, { params: { id: endpoint.id } })).json()) as Record<string, unknown>;
    expect(JSON.stringify(read)).not.toContain(secret);
    const listed = (await (await call(collection.GET, apiKey)).json()) as { endpoints: { id: string }[] };
    expect(listed.endpoints.map((e) => e.id)).toEqual([endpoint.id]);

    const patched = await call(single.PATCH, apiKey, { method: "PATCH", params: { id: endpoint.id }, body: { eventTypes: [], enabled: false } });
    expect(await patched.json()).toMatchObject({ endpoint: { eventTypes: [], enabled: false } });

    const tested = await call(testRoute.POST, apiKey, { method: "POST", params: { id: endpoint.id } });
    expect(tested.status).toBe(201);
    const { delivery } = (await tested.json()) as { delivery: { id: string; status: string; eventType: string } };
    expect(delivery).toMatchObject({ status: "succeeded", eventType: "webhook.test" });
    expect(JSON.parse(receiver.received[0]!.body)).toMatchObject({ type: "webhook.test", sequence: 1, data: { endpointId: endpoint.id } });

    const page = (await (await call(deliveriesRoute.GET, apiKey, { params: { id: endpoint.id }, query: "?status=succeeded&limit=10" })).json()) as { deliveries: { id: string }[]; nextCursor: string | null };
    expect(page).toEqual({ deliveries: [expect.objectContaining({ id: delivery.id })], nextCursor: null });
    const again = await call(redeliverRoute.POST, apiKey, { method: "POST", params: { id: endpoint.id, deliveryId: delivery.id } });
    expect(await again.json()).toMatchObject({ delivery: { status: "succeeded", redeliveryOf: delivery.id } });
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[0]!.body).toBe(receiver.received[1]!.body);

    expect((await call(single.DELETE, apiKey, { method: "DELETE", params: { id: endpoint.id } })).status).toBe(204);
    expect(await answer(await call(single.GET, apiKey, { params: { id: endpoint.id } }))).toEqual([404, "not_found"]);
    expect(await db.webhookDelivery.count()).toBe(0);
    expect(await db.auditLog.count({ where: { action: { startsWith: "webhook_endpoint." } } })).toBe(3);
  });

  it("refuses a key without the scope (403), no key (401), bad input (422) and unknown ids (404)", async () => {
    const { apiKey: tokensOnly } = await createApiKey({ name: "tokens", scopes: ["access_tokens"] }, adminId);
    const { apiKey } = await createApiKey({ name: "hooks", scopes: ["webhooks"] }, adminId);
    expect(await answer(await call(collection.POST, tokensOnly, { method: "POST", body: { url: receiver.url } }))).toEqual([403, "insufficient_scope"]);
    expect(await answer(await call(collection.GET, tokensOnly))).toEqual([403, "insufficient_scope"]);
    expect(await answer(await call(collection.GET, null))).toEqual([401, "unauthenticated"]);
    for (const body of [{ url: "not a url" }, { url: "ftp://example.com/x" }, { url: receiver.url, eventTypes: ["authorization.exploded"] }, { url: receiver.url, secret: "mine" }, { url: "https://user:pw@example.com/x" }, {}]) {
      expect(await answer(await call(collection.POST, apiKey, { method: "POST", body }))).toEqual([422, "invalid_input"]);
    }
    expect(await answer(await call(collection.POST, apiKey, { method: "POST", body: "{not json" }))).toEqual([400, "bad_request"]);
    expect(await answer(await call(collection.POST, apiKey, { method: "POST", body: { url: receiver.url, tenantId: "no-such-tenant" } }))).toEqual([404, "not_found"]);
    expect(await db.webhookEndpoint.count()).toBe(0);
    expect(await answer(await call(single.GET, apiKey, { params: { id: "no-such-endpoint" } }))).toEqual([404, "not_found"]);
    expect(await answer(await call(single.GET, apiKey, { params: { id: "bad%id" } }))).toEqual([404, "not_found"]);
    const { endpoint } = (await (await call(collection.POST, apiKey, { method: "POST", body: { url: receiver.url } })).json()) as { endpoint: { id: string } };
    expect(await answer(await call(single.PATCH, apiKey, { method: "PATCH", params: { id: endpoint.id }, body: {} }))).toEqual([422, "invalid_input"]);
    expect(await answer(await call(deliveriesRoute.GET, apiKey, { params: { id: endpoint.id }, query: "?limit=1000" }))).toEqual([422, "invalid_input"]);
    expect(await answer(await call(deliveriesRoute.GET, apiKey, { params: { id: endpoint.id }, query: "?status=lost" }))).toEqual([422, "invalid_input"]);
    expect(await answer(await call(redeliverRoute.POST, apiKey, { method: "POST", params: { id: endpoint.id, deliveryId: "no-such-delivery" } }))).toEqual([404, "not_found"]);
    expect(await answer(await call(collection.PUT as never, apiKey, { method: "PUT" }))).toEqual([405, "method_not_allowed"]);
  });

  it("limits a tenant-limited key to its tenants' endpoints: the rest is 404 and nothing changes", async () => {
    const mine = await connectSeller(app.sandbox, { label: "Mine" });
    const theirs = await connectSeller(app.sandbox, { label: "Theirs" });
    const { apiKey: global } = await createApiKey({ name: "platform", scopes: ["webhooks"] }, adminId);
    const { apiKey: limited } = await createApiKey({ name: "tenant", scopes: ["webhooks"], tenantIds: [mine.tenantId] }, adminId);
    const everyTenant = ((await (await call(collection.POST, global, { method: "POST", body: { url: `${receiver.url}?all` } })).json()) as { endpoint: { id: string } }).endpoint;
    const other = ((await (await call(collection.POST, global, { method: "POST", body: { url: `${receiver.url}?theirs`, tenantId: theirs.tenantId } })).json()) as { endpoint: { id: string } }).endpoint;

    // Creating for another tenant is 404, for every tenant 422 (a limited key must name one of its tenants).
    expect(await answer(await call(collection.POST, limited, { method: "POST", body: { url: receiver.url, tenantId: theirs.tenantId } }))).toEqual([404, "not_found"]);
    expect(await answer(await call(collection.POST, limited, { method: "POST", body: { url: receiver.url } }))).toEqual([422, "invalid_input"]);
    const own = await call(collection.POST, limited, { method: "POST", body: { url: `${receiver.url}?mine`, tenantId: mine.tenantId } });
    expect(own.status).toBe(201);
    const ownId = ((await own.json()) as { endpoint: { id: string } }).endpoint.id;

    const listed = (await (await call(collection.GET, limited)).json()) as { endpoints: { id: string }[] };
    expect(listed.endpoints.map((e) => e.id)).toEqual([ownId]);
    for (const id of [everyTenant.id, other.id]) {
      expect(await answer(await call(single.GET, limited, { params: { id } }))).toEqual([404, "not_found"]);
      expect(await answer(await call(single.PATCH, limited, { method: "PATCH", params: { id }, body: { enabled: false } }))).toEqual([404, "not_found"]);
      expect(await answer(await call(single.DELETE, limited, { method: "DELETE", params: { id } }))).toEqual([404, "not_found"]);
      expect(await answer(await call(deliveriesRoute.GET, limited, { params: { id } }))).toEqual([404, "not_found"]);
      expect(await answer(await call(testRoute.POST, limited, { method: "POST", params: { id } }))).toEqual([404, "not_found"]);
    }
    const otherDelivery = (await (await call(testRoute.POST, global, { method: "POST", params: { id: other.id } })).json()) as { delivery: { id: string } };
    expect(await answer(await call(redeliverRoute.POST, limited, { method: "POST", params: { id: other.id, deliveryId: otherDelivery.delivery.id } }))).toEqual([404, "not_found"]);
    // Another endpoint's delivery through one's own endpoint id: still 404.
    expect(await answer(await call(redeliverRoute.POST, limited, { method: "POST", params: { id: ownId, deliveryId: otherDelivery.delivery.id } }))).toEqual([404, "not_found"]);
    expect(await db.webhookEndpoint.count({ where: { enabled: true } })).toBe(3);
    expect(await db.webhookDelivery.count()).toBe(1);
  });

  it("the admin actions work for an admin and are refused to partners (404) and the signed-out (401)", async () => {
    const seller = await connectSeller(app.sandbox, { label: "Partner" });
    const partner: CurrentUser = { id: seller.userId, email: "partner@example.test", role: "PARTNER", tenantId: seller.tenantId };
    const fields = { url: receiver.url, eventTypes: ["authorization.revoked"], tenantId: "" };

    for (const [user, code] of [[partner, "not_found"], [null, "unauthenticated"]] as const) {
      caller.user = user;
      expect(await createWebhookEndpointAction(null, form(fields))).toMatchObject({ ok: false, error: { code } });
    }
    expect(await db.webhookEndpoint.count()).toBe(0);

    caller.user = admin;
    expect(await createWebhookEndpointAction(null, form({ ...fields, url: "javascript:alert(1)" }))).toMatchObject({ ok: false, error: { code: "invalid_input" } });
    const created = await createWebhookEndpointAction(null, form(fields));
    if (!created.ok) throw new Error(created.error.message);
    expect(created.data.secret).toMatch(/^whsec_/);
    const endpointId = created.data.endpointId;
    const test = await sendTestWebhookAction(null, form({ endpointId }));
    if (!test.ok) throw new Error(test.error.message);
    expect(test.data).toMatchObject({ status: "succeeded", eventType: "webhook.test" });

    for (const [user, code] of [[partner, "not_found"], [null, "unauthenticated"]] as const) {
      caller.user = user;
      expect(await sendTestWebhookAction(null, form({ endpointId }))).toMatchObject({ ok: false, error: { code } });
      expect(await redeliverWebhookAction(null, form({ endpointId, deliveryId: test.data.id }))).toMatchObject({ ok: false, error: { code } });
      expect(await setWebhookEndpointEnabledAction(null, form({ endpointId, enabled: "false" }))).toMatchObject({ ok: false, error: { code } });
      expect(await deleteWebhookEndpointAction(null, form({ endpointId }))).toMatchObject({ ok: false, error: { code } });
    }
    expect(receiver.received).toHaveLength(1);
    expect(await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpointId } })).toMatchObject({ enabled: true });

    caller.user = admin;
    expect(await redeliverWebhookAction(null, form({ endpointId, deliveryId: test.data.id }))).toMatchObject({ ok: true, data: { status: "succeeded" } });
    expect(await setWebhookEndpointEnabledAction(null, form({ endpointId, enabled: "false" }))).toEqual({ ok: true, data: { enabled: false } });
    expect(await deleteWebhookEndpointAction(null, form({ endpointId }))).toEqual({ ok: true, data: { deleted: true } });
    expect(await db.webhookEndpoint.count()).toBe(0);
  });
});
