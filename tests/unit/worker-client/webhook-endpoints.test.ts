// Webhook endpoint management through the client against a fake Latchkey: the secret from create, paths for
// deliveries/test/redeliver, DELETE's empty 204, and a refusal as LatchkeyError.
import { describe, expect, it } from "vitest";
import { LatchkeyError } from "@latchkey/client";
import { createFake, json, LATCHKEY } from "./fake-latchkey";

const endpoint = { id: "w1", url: "https://hooks.test/in", description: null, eventTypes: [], tenantId: null, enabled: true, createdAt: "x", updatedAt: "x" };

describe("worker client: webhook endpoints", () => {
  it("creates an endpoint and returns its secret, then tests, redelivers, lists deliveries and deletes", async () => {
    const fake = createFake();
    fake.answerManagement((request) => {
      const path = new URL(request.url).pathname;
      if (request.method === "DELETE") return new Response(null, { status: 204 });
      if (path === "/api/v1/webhook-endpoints") return json(201, { endpoint: { ...endpoint, ...(request.body as object) }, secret: "whsec_abc" });
      if (path.endsWith("/deliveries")) return json(200, { deliveries: [{ id: "d1", status: "failed" }], nextCursor: "d1" });
      return json(201, { delivery: { id: path.endsWith("/redeliver") ? "d3" : "d2", status: "pending" } });
    });
    const created = await fake.client.createWebhookEndpoint({ url: "https://hooks.test/in", eventTypes: ["authorization.status_changed"] });
    expect(created.secret).toBe("whsec_abc");
    expect(created.endpoint.eventTypes).toEqual(["authorization.status_changed"]);
    expect(fake.seen[0]!.body).toEqual({ url: "https://hooks.test/in", eventTypes: ["authorization.status_changed"] });
    expect((await fake.client.sendTestWebhook("w1")).id).toBe("d2");
    expect((await fake.client.redeliverWebhook("w1", "d/1")).id).toBe("d3");
    const page = await fake.client.listWebhookDeliveries("w1", { status: "failed", limit: 1 });
    expect(page).toEqual({ deliveries: [{ id: "d1", status: "failed" }], nextCursor: "d1" });
    await expect(fake.client.deleteWebhookEndpoint("w1")).resolves.toBeUndefined();
    expect(fake.seen.map((r) => `${r.method} ${r.url.slice(LATCHKEY.length)}`)).toEqual([
      "POST /api/v1/webhook-endpoints",
      "POST /api/v1/webhook-endpoints/w1/test",
      "POST /api/v1/webhook-endpoints/w1/deliveries/d%2F1/redeliver",
      "GET /api/v1/webhook-endpoints/w1/deliveries?status=failed&limit=1",
      "DELETE /api/v1/webhook-endpoints/w1",
    ]);
  });

  it("a refusal is LatchkeyError with the stable code", async () => {
    const fake = createFake();
    fake.answerManagement(() => json(403, { error: { code: "insufficient_scope", message: "needs webhooks", requestId: "r" } }));
    const error = await fake.client.listWebhookEndpoints().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LatchkeyError);
    expect(error).toMatchObject({ code: "insufficient_scope", status: 403 });
  });
});
