// The HTTP edge of every /api/v1 route and of the notification ingest: one error envelope, malformed JSON
// 400, schema failures 422 with paths but not values, bodies over the limit 413 while they are read, and
// wrong methods 405 with an Allow header.
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it } from "vitest";
import * as accessTokenRoute from "@/app/api/v1/authorizations/[id]/access-token/route";
import * as rdtRoute from "@/app/api/v1/authorizations/[id]/restricted-data-token/route";
import * as grantlessRoute from "@/app/api/v1/grantless-tokens/route";
import * as outcomesRoute from "@/app/api/v1/outcomes/route";
import * as pingRoute from "@/app/api/v1/ping/route";
import { POST as ingestRoute } from "@/app/api/notifications/amazon/route";
import { createApiKey } from "@/lib/api-keys/manage-api-keys";
import { signNotificationBody } from "@/lib/app-client/notifications/ingest-signed-notification";
import { db } from "@/lib/db/client";
import { resetServerEnvForTests } from "@/lib/env";
import { useAppWithSandbox } from "../../support/app-harness";

type Route = (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response> | Response;
type Refusal = (request: NextRequest) => Response;
type PostModule = { POST: Route } & Record<"GET" | "PUT" | "PATCH" | "DELETE" | "OPTIONS", Refusal>;

const INGEST_SECRET = "ingest-secret-for-edge-tests-0123456789";
const CANARY = "value-that-must-not-come-back-7c1e";

interface PostRoute {
  name: string;
  path: string;
  route: PostModule;
  /** Valid JSON that fails the route's schema; `CANARY` is in the rejected value. */
  invalid: unknown;
  failingPath: string;
}

const postRoutes: PostRoute[] = [
  { name: "access-token", path: "/api/v1/authorizations/auth-1/access-token", route: accessTokenRoute, invalid: { rejectedToken: { nested: CANARY } }, failingPath: "rejectedToken" },
  { name: "restricted-data-token", path: "/api/v1/authorizations/auth-1/restricted-data-token", route: rdtRoute, invalid: { restrictedResources: [{ method: CANARY, path: "/orders/v0/orders/1" }] }, failingPath: "restrictedResources.0.method" },
  { name: "grantless-tokens", path: "/api/v1/grantless-tokens", route: grantlessRoute, invalid: { scope: CANARY }, failingPath: "scope" },
  { name: "outcomes", path: "/api/v1/outcomes", route: outcomesRoute, invalid: { outcomes: [{ authorizationId: "a1", operation: "getOrders", status: CANARY, latencyMs: 1 }] }, failingPath: "outcomes.0.status" },
];

let apiKey: string;

function request(path: string, init: { method?: string; body?: BodyInit; headers?: Record<string, string> } = {}): NextRequest {
  const headers = new Headers({ "content-type": "application/json", authorization: `Bearer ${apiKey}`, "x-request-id": "edge-test-1", ...init.headers });
  return new NextRequest(`http://localhost${path}`, { method: init.method ?? "POST", headers, body: init.body, duplex: "half" });
}

const context = { params: Promise.resolve({ id: "auth-1" }) };

/** A body streamed in 16 KiB chunks, counting how many bytes the server pulled. */
function countingStream(totalBytes: number): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= totalBytes) return controller.close();
      const chunk = new Uint8Array(Math.min(16 * 1024, totalBytes - sent)).fill(0x20);
      sent += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled: () => sent };
}

async function expectEnvelope(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get("cache-control")).toBe("no-store");
  expect(response.headers.get("x-request-id")).toBe("edge-test-1");
  const body = (await response.json()) as { error: { code: string; message: string; requestId: string; details?: { issues?: { path: string }[] } } };
  expect(body.error).toMatchObject({ code, message: expect.any(String), requestId: "edge-test-1" });
  return body;
}

describe("the /api/v1 edge", () => {
  useAppWithSandbox();
  beforeEach(async () => {
    const admin = await db.user.create({ data: { email: "admin@example.test", role: "ADMIN" } });
    apiKey = (await createApiKey({ name: "edge" }, admin.id)).apiKey;
  });

  for (const { name, path, route, invalid, failingPath } of postRoutes) {
    describe(name, () => {
      it("answers a body that is not JSON with 400 bad_request", async () => {
        await expectEnvelope(await route.POST(request(path, { body: '{"scope": "sellingpartnerapi::notifications"' }), context), 400, "bad_request");
      });

      it("answers a schema failure with 422 invalid_input naming the failing path, never the value", async () => {
        const response = await route.POST(request(path, { body: JSON.stringify(invalid) }), context);
        const body = await expectEnvelope(response, 422, "invalid_input");
        expect(body.error.details?.issues?.map((issue) => issue.path)).toContain(failingPath);
        expect(JSON.stringify(body)).not.toContain(CANARY);
      });

      it("refuses a declared Content-Length over 256 KiB with 413 without reading the body", async () => {
        const { stream, pulled } = countingStream(1024 * 1024);
        const response = await route.POST(request(path, { body: stream, headers: { "content-length": String(1024 * 1024) } }), context);
        await expectEnvelope(response, 413, "payload_too_large");
        expect(pulled()).toBeLessThanOrEqual(16 * 1024);
      });

      it("stops reading a streamed body as soon as it passes 256 KiB and answers 413", async () => {
        const { stream, pulled } = countingStream(8 * 1024 * 1024);
        await expectEnvelope(await route.POST(request(path, { body: stream }), context), 413, "payload_too_large");
        expect(pulled()).toBeLessThan(320 * 1024);
      });

      it("answers other methods with 405, the envelope and Allow: POST", async () => {
        for (const method of ["GET", "PUT", "PATCH", "DELETE"] as const) {
          const response = route[method](request(path, { method }));
          expect(response.headers.get("allow")).toBe("POST, OPTIONS");
          await expectEnvelope(response, 405, "method_not_allowed");
        }
        const options = route.OPTIONS(request(path, { method: "OPTIONS" }));
        expect([options.status, options.headers.get("allow")]).toEqual([204, "POST, OPTIONS"]);
      });
    });
  }

  it("a body just under the limit is read and judged on its content", async () => {
    const padding = "x".repeat(250 * 1024);
    const response = await grantlessRoute.POST(request("/api/v1/grantless-tokens", { body: JSON.stringify({ scope: "nope", padding }) }), context);
    await expectEnvelope(response, 422, "invalid_input");
  });

  it("ping answers methods other than GET with 405 and Allow: GET, HEAD, OPTIONS", async () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"] as const) {
      const response = pingRoute[method](request("/api/v1/ping", { method }));
      expect(response.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
      await expectEnvelope(response, 405, "method_not_allowed");
    }
    expect(pingRoute.GET().status).toBe(200);
  });
});

describe("the notification ingest edge", () => {
  useAppWithSandbox();
  beforeEach(() => {
    process.env.NOTIFICATION_INGEST_SECRET = INGEST_SECRET;
    resetServerEnvForTests();
  });

  it("refuses a body over 64 KiB with 413 before checking its signature, signed or not", async () => {
    const body = JSON.stringify({ notificationType: "ANY", padding: "x".repeat(65 * 1024) });
    const signed = signNotificationBody(INGEST_SECRET, body, Math.floor(Date.now() / 1000));
    for (const signature of [signed, null]) {
      const headers: Record<string, string> = { "x-request-id": "edge-test-1" };
      if (signature) headers["x-latchkey-signature"] = signature;
      const response = await ingestRoute(new NextRequest("http://localhost/api/notifications/amazon", { method: "POST", headers, body }));
      await expectEnvelope(response, 413, "payload_too_large");
    }
    expect(await db.notificationIngestReceipt.count()).toBe(0);
  });

  it("still checks the signature of a body under the limit (401)", async () => {
    const response = await ingestRoute(new NextRequest("http://localhost/api/notifications/amazon", { method: "POST", headers: { "x-request-id": "edge-test-1" }, body: "{}" }));
    await expectEnvelope(response, 401, "unauthenticated");
  });
});
