// The client's management API against Latchkey's real route handlers over HTTP: create a tenant (and retry
// it with the same Idempotency-Key), find, update and list it, list and read the seller's authorization, make
// a connect link, and a key limited to another tenant hearing not_found for everything outside it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/manage-api-keys";
import { db } from "@/lib/db/client";
import { createLatchkeyClient, LatchkeyError, type LatchkeyClient } from "@latchkey/client";
import { startWebhookReceiver, type WebhookReceiver } from "../../support/webhook-receiver";
import { startWorkerStack, type WorkerStack } from "./worker-stack";

let stack: WorkerStack;
let client: LatchkeyClient;

describe("worker client: management API against Latchkey's route handlers", () => {
  beforeAll(async () => {
    stack = await startWorkerStack({ name: "partner-portal" });
    client = createLatchkeyClient({ baseUrl: stack.latchkey.url, apiKey: stack.apiKey, reportOutcomes: false });
  });
  afterAll(async () => {
    await client?.close();
    await stack?.close();
  });

  it("creates a tenant once under an Idempotency-Key, then finds, updates and lists it", async () => {
    const input = { name: "Acme Outdoor", kind: "SELLER" as const, contactEmail: "Ops@Acme.test", externalId: "acme-1", metadata: { plan: "pro" }, idempotencyKey: "create-acme-1" };
    const created = await client.createTenant(input);
    expect(created).toMatchObject({ name: "Acme Outdoor", kind: "SELLER", contactEmail: "ops@acme.test", externalId: "acme-1", metadata: { plan: "pro" } });
    const retried = await client.createTenant(input);
    expect(retried.id).toBe(created.id);
    expect(await db.tenant.count({ where: { externalId: "acme-1" } })).toBe(1);
    await expect(client.createTenant({ ...input, name: "Someone Else" })).rejects.toMatchObject({ code: "idempotency_key_reused", status: 422 });

    expect((await client.getTenant(created.id)).name).toBe("Acme Outdoor");
    expect((await client.getTenantByExternalId("acme-1")).id).toBe(created.id);
    const updated = await client.updateTenant(created.id, { name: "Acme Outdoor GmbH", metadata: null });
    expect(updated).toMatchObject({ name: "Acme Outdoor GmbH", metadata: {} });

    await expect(client.createTenant({ name: "Duplicate", kind: "SELLER", contactEmail: "d@acme.test", externalId: "acme-1" })).rejects.toBeInstanceOf(LatchkeyError);
    for (const n of [2, 3, 4]) await client.createTenant({ name: `Vendor ${n}`, kind: "VENDOR", contactEmail: `v${n}@acme.test` });
    const firstPage = await client.listTenants({ kind: "VENDOR", limit: 2 });
    expect(firstPage.data).toHaveLength(2);
    expect(firstPage.nextCursor).toEqual(expect.any(String));
    const vendors: string[] = [];
    for await (const tenant of client.iterateTenants({ kind: "VENDOR", limit: 2 })) vendors.push(tenant.name);
    expect(vendors.sort()).toEqual(["Vendor 2", "Vendor 3", "Vendor 4"]);
  });

  it("lists and reads the seller's authorization, never a token", async () => {
    const { seller } = stack;
    const listed: string[] = [];
    for await (const authorization of client.iterateAuthorizations({ tenantId: seller.tenantId, status: "ACTIVE", limit: 1 })) listed.push(authorization.id);
    expect(listed).toEqual([seller.authorizationId]);
    expect((await client.listAuthorizations({ region: "EU" })).data).toEqual([]);
    const detail = await client.getAuthorization(seller.authorizationId);
    expect(detail).toMatchObject({ id: seller.authorizationId, tenantId: seller.tenantId, region: "NA", status: "ACTIVE", sellingPartnerId: seller.sellingPartnerId });
    expect(JSON.stringify(detail)).not.toMatch(/Atza\||Atzr\|/);
  });

  it("makes a connect link by externalId, the same link again under the same Idempotency-Key", async () => {
    await client.createTenant({ name: "Linked Seller", kind: "SELLER", contactEmail: "l@acme.test", externalId: "linked-1" });
    const link = await client.createConnectLink({ externalId: "linked-1", region: "EU", flow: "connect", idempotencyKey: "link-1" });
    expect(link).toMatchObject({ region: "EU", flow: "connect" });
    expect(link.url).toMatch(/^https?:\/\//);
    expect(new Date(link.expiresAt).getTime()).toBeGreaterThan(Date.now());
    expect((await client.createConnectLink({ externalId: "linked-1", region: "EU", flow: "connect", idempotencyKey: "link-1" })).id).toBe(link.id);
    await expect(client.createConnectLink({ externalId: "nobody", region: "EU", flow: "connect" })).rejects.toMatchObject({ code: "not_found", status: 404 });
  });

  it("a key limited to one tenant gets not_found for another tenant and its authorizations", async () => {
    const admin = await db.user.findFirstOrThrow({ where: { role: "ADMIN" } });
    const other = await client.createTenant({ name: "Other Tenant", kind: "SELLER", contactEmail: "o@acme.test", externalId: "other-1" });
    const { apiKey } = await createApiKey({ name: "limited", tenantIds: [other.id] }, admin.id);
    const limited = createLatchkeyClient({ baseUrl: stack.latchkey.url, apiKey, reportOutcomes: false });
    const { seller } = stack;
    expect((await limited.getTenant(other.id)).id).toBe(other.id);
    for (const call of [
      () => limited.getTenant(seller.tenantId),
      () => limited.getAuthorization(seller.authorizationId),
      () => limited.updateTenant(seller.tenantId, { name: "Hijacked" }),
      () => limited.createConnectLink({ tenantId: seller.tenantId, region: "NA", flow: "reauthorize" }),
    ]) {
      await expect(call()).rejects.toMatchObject({ code: "not_found", status: 404 });
    }
    expect((await db.tenant.findUniqueOrThrow({ where: { id: seller.tenantId } })).name).not.toBe("Hijacked");
    expect((await limited.listAuthorizations()).data).toEqual([]);
    expect((await limited.listTenants()).data.map((t) => t.id)).toEqual([other.id]);
  });
});

describe("worker client: webhook endpoints against Latchkey's route handlers", () => {
  let webhookStack: WorkerStack;
  let webhooks: LatchkeyClient;
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    webhookStack = await startWorkerStack({ name: "webhook-admin", scopes: ["webhooks", "management"] });
    webhooks = createLatchkeyClient({ baseUrl: webhookStack.latchkey.url, apiKey: webhookStack.apiKey, reportOutcomes: false });
  });
  afterAll(async () => {
    await webhooks?.close();
    await webhookStack?.close();
    await receiver?.close();
  });

  it("creates an endpoint (secret once), changes, tests, lists deliveries and deletes it; a limited key sees none of it", async () => {
    const created = await webhooks.createWebhookEndpoint({ url: receiver.url, eventTypes: ["authorization.revoked"], description: "ops" });
    expect(created.secret.length).toBeGreaterThan(16);
    expect(created.endpoint).toMatchObject({ url: receiver.url, eventTypes: ["authorization.revoked"], enabled: true, tenantId: null });
    expect(JSON.stringify(await webhooks.getWebhookEndpoint(created.endpoint.id))).not.toContain(created.secret);
    expect((await webhooks.listWebhookEndpoints()).map((e) => e.id)).toContain(created.endpoint.id);
    expect(await webhooks.updateWebhookEndpoint(created.endpoint.id, { enabled: false, description: null })).toMatchObject({ enabled: false, description: null });

    const test = await webhooks.sendTestWebhook(created.endpoint.id);
    expect(test.eventType).toBe("webhook.test");
    const { deliveries } = await webhooks.listWebhookDeliveries(created.endpoint.id);
    expect(deliveries.map((d) => d.id)).toContain(test.id);

    const admin = await db.user.findFirstOrThrow({ where: { role: "ADMIN" } });
    const { apiKey } = await createApiKey({ name: "limited-webhooks", scopes: ["webhooks"], tenantIds: [webhookStack.seller.tenantId] }, admin.id);
    const limited = createLatchkeyClient({ baseUrl: webhookStack.latchkey.url, apiKey, reportOutcomes: false });
    await expect(limited.getWebhookEndpoint(created.endpoint.id)).rejects.toMatchObject({ code: "not_found", status: 404 });
    await expect(limited.deleteWebhookEndpoint(created.endpoint.id)).rejects.toMatchObject({ code: "not_found", status: 404 });
    expect((await limited.listWebhookEndpoints()).map((e) => e.id)).not.toContain(created.endpoint.id);

    await webhooks.deleteWebhookEndpoint(created.endpoint.id);
    await expect(webhooks.getWebhookEndpoint(created.endpoint.id)).rejects.toMatchObject({ code: "not_found", status: 404 });
  });
});
