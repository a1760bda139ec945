// The contract between /api/v1 and its OpenAPI document: every route file is documented and every documented
// route exists; every documented operation is called (successes and errors) on the real route handlers with
// the sandbox behind them, and each real status and body must match the document. Methods a path does not
// document answer 405 in the envelope.
import path from "node:path";
import { NextRequest } from "next/server";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/manage-api-keys";
import { db } from "@/lib/db/client";
import { resetServerEnvForTests } from "@/lib/env";
import { buildOpenApiDocument, openApiDocumentJson } from "@/lib/openapi/build-openapi-document";
import { useAppWithSandbox } from "../../support/app-harness";
import { connectSeller } from "../../support/connect-seller";
import { startWebhookReceiver } from "../../support/webhook-receiver";
import { DocumentValidator, HTTP_METHODS, operationsOf, pathShape, routeFiles, type Json } from "../../support/openapi-document";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const ORDER_ID = "902-3159896-1390916";

type Handler = (request: NextRequest, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response> | Response;
type RouteModule = Partial<Record<"GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "OPTIONS", Handler>>;

const document = buildOpenApiDocument();
const validator = new DocumentValidator(document);
const files = routeFiles(ROOT);

/** The route file serving a concrete path, and the params Next would hand it. */
function routeFor(urlPath: string): { file: string; params: Record<string, string | string[]> } {
  const segments = urlPath.split("/").filter(Boolean);
  for (const file of files) {
    const pattern = file.split("/").filter(Boolean);
    const params: Record<string, string | string[]> = {};
    const catchAll = /^\[\.\.\.(\w+)\]$/.exec(pattern.at(-1) ?? "");
    const fixed = catchAll ? pattern.slice(0, -1) : pattern;
    if (catchAll ? segments.length <= fixed.length : segments.length !== fixed.length) continue;
    const matched = fixed.every((part, i) => {
      const dynamic = /^\[(\w+)\]$/.exec(part);
      if (dynamic) params[dynamic[1]!] = decodeURIComponent(segments[i]!);
      return dynamic !== null || part === segments[i];
    });
    if (!matched) continue;
    if (catchAll) params[catchAll[1]!] = segments.slice(fixed.length).map(decodeURIComponent);
    return { file, params };
  }
  throw new Error(`no route file serves ${urlPath}`);
}

const modules = new Map<string, RouteModule>();
async function moduleOf(file: string): Promise<RouteModule> {
  let loaded = modules.get(file);
  if (!loaded) {
    loaded = (await import(path.join(ROOT, "app", file, "route.ts"))) as RouteModule;
    modules.set(file, loaded);
  }
  return loaded;
}

/** Which documented operation (method + template) a concrete call belongs to. */
function documentedOperation(method: string, file: string) {
  return validator.find(method, pathShape(file));
}

const covered = new Map<string, Set<number>>();

interface Call {
  key?: string;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

/** Calls the real handler and checks the answer against the document; returns status and JSON. */
async function call(method: string, urlPath: string, options: Call = {}): Promise<{ status: number; json: Json; headers: Headers }> {
  const { file, params } = routeFor(urlPath.split("?")[0]!);
  const op = documentedOperation(method, file);
  expect(op, `${method} ${file} is documented`).toBeDefined();
  if (options.body !== undefined) expect(validator.requestProblems(op!, options.body), `the document accepts the body sent to ${method} ${urlPath}`).toEqual([]);
  const headers = new Headers(options.headers);
  if (options.key) headers.set("authorization", `Bearer ${options.key}`);
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (body !== undefined) headers.set("content-type", "application/json");
  const handler = (await moduleOf(file))[method as "GET"];
  expect(handler, `${file} exports ${method}`).toBeTypeOf("function");
  const response = await handler!(new NextRequest(`http://localhost${urlPath}`, { method, headers, body }), { params: Promise.resolve(params) });
  const text = await response.text();
  expect(validator.responseProblems(op!, response.status, response.headers, text), `${method} ${urlPath} → ${response.status}`).toEqual([]);
  const id = `${op!.method} ${op!.path}`;
  covered.set(id, (covered.get(id) ?? new Set()).add(response.status));
  let json: Json = {};
  try {
    json = JSON.parse(text) as Json;
  } catch {
    // A passed-through non-JSON answer; the document allowed it.
  }
  return { status: response.status, json, headers: response.headers };
}

const codeOf = (json: Json) => (json.error as { code?: string } | undefined)?.code;

describe("the OpenAPI document and the /api/v1 routes", () => {
  it("documents every route file under app/api/v1, and nothing else", () => {
    const documented = new Set(operationsOf(document).map((op) => pathShape(op.path)));
    const onDisk = new Set(files.map(pathShape));
    expect([...onDisk].filter((shape) => !documented.has(shape)), "route files missing from the document").toEqual([]);
    expect([...documented].filter((shape) => !onDisk.has(shape)), "documented paths with no route file").toEqual([]);
  });

  it("documents exactly the methods each route serves; the others answer 405 in the envelope", async () => {
    for (const file of files) {
      const routeModule = await moduleOf(file);
      const urlPath = file.replace(/\[\.\.\.\w+\]/, "sellers/v1/marketplaceParticipations").replace(/\[\w+\]/g, "x");
      for (const method of HTTP_METHODS) {
        const upper = method.toUpperCase() as "GET";
        expect(routeModule[upper], `${file} has a handler for ${upper}`).toBeTypeOf("function");
        if (documentedOperation(upper, file)) continue;
        const response = await routeModule[upper]!(new NextRequest(`http://localhost${urlPath}`, { method: upper }), { params: Promise.resolve(routeFor(urlPath).params) });
        expect(response.status, `${upper} ${file}`).toBe(405);
        expect(((await response.json()) as Json).error).toMatchObject({ code: "method_not_allowed" });
      }
    }
  });

  it("is a valid document: every schema compiles, every operation has an id, an answer and its scopes", () => {
    const ids = new Set<string>();
    for (const op of operationsOf(document)) {
      expect(ids.has(op.operation.responses ? (op.operation as unknown as { operationId: string }).operationId : ""), "operationIds are unique").toBe(false);
      ids.add((op.operation as unknown as { operationId: string }).operationId);
      expect(Object.keys(op.operation.responses).some((status) => status.startsWith("2"))).toBe(true);
      expect(Array.isArray((op.operation as unknown as Json)["x-latchkey-scopes"])).toBe(true);
      for (const [name] of (op.path.match(/\{(\w+)\}/g) ?? []).map((p) => [p.slice(1, -1)])) {
        expect(op.operation.parameters?.some((param) => param.in === "path" && param.name === name), `${op.path} documents ${name}`).toBe(true);
      }
    }
    expect(() => validator.responseProblems(operationsOf(document)[0]!, 200, new Headers({ "content-type": "application/json" }), "{}")).not.toThrow();
  });
});

describe("every documented operation answers as documented", () => {
  const app = useAppWithSandbox({ rateLimits: false });
  let seller: Awaited<ReturnType<typeof connectSeller>>;
  let key: string;
  let tokensOnly: string;
  let otherTenantKey: string;

  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let otherTenantId: string;

  beforeAll(async () => {
    covered.clear();
    receiver = await startWebhookReceiver();
    return () => receiver.close();
  });

  beforeEach(async () => {
    process.env.CONNECT_LINK_RETURN_ORIGINS = "https://app.example";
    resetServerEnvForTests();
    const admin = await db.user.create({ data: { email: "admin@example.test", role: "ADMIN" } });
    seller = await connectSeller(app.sandbox);
    const other = await connectSeller(app.sandbox, { label: "Other" });
    key = (await createApiKey({ name: "contract-all" }, admin.id)).apiKey;
    tokensOnly = (await createApiKey({ name: "contract-tokens-only", scopes: ["access_tokens"] }, admin.id)).apiKey;
    otherTenantKey = (await createApiKey({ name: "contract-other-tenant", tenantIds: [other.tenantId] }, admin.id)).apiKey;
    otherTenantId = other.tenantId;
  });

  it("meta: ping and the document itself", async () => {
    expect((await call("GET", "/api/v1/ping")).json).toEqual({ ok: true });
    const served = await call("GET", "/api/v1/openapi.json");
    expect(served.status).toBe(200);
    expect(served.headers.get("cache-control")).toContain("public");
    expect(JSON.stringify(served.json)).toBe(JSON.stringify(JSON.parse(openApiDocumentJson())));
  });

  it("access tokens: success, and each refusal", async () => {
    const base = `/api/v1/authorizations/${seller.authorizationId}/access-token`;
    const ok = await call("POST", base, { key });
    expect(ok.status).toBe(200);
    expect(ok.json.authorizationId).toBe(seller.authorizationId);
    expect((await call("POST", base, { key, body: { rejectedToken: String(ok.json.accessToken) } })).status).toBe(200);
    expect(codeOf((await call("POST", base)).json)).toBe("unauthenticated");
    expect(codeOf((await call("POST", `/api/v1/authorizations/${seller.authorizationId}/restricted-data-token`, { key: tokensOnly, body: { restrictedResources: [{ method: "GET", path: `/orders/v0/orders/${ORDER_ID}` }] } })).json)).toBe("insufficient_scope");
    expect(codeOf((await call("POST", base, { key: otherTenantKey })).json)).toBe("not_found");
    expect(codeOf((await call("POST", "/api/v1/authorizations/no-such-authorization/access-token", { key })).json)).toBe("not_found");
    expect(codeOf((await call("POST", base, { key, rawBody: "{" })).json)).toBe("bad_request");
    expect(codeOf((await call("POST", base, { key, rawBody: JSON.stringify({ rejectedToken: 5 }) })).json)).toBe("invalid_input");
    expect(codeOf((await call("POST", base, { key, rawBody: `{"rejectedToken":"${"x".repeat(2 * 1024 * 1024)}"}` })).json)).toBe("payload_too_large");
  });

  it("restricted data tokens: success and refusals", async () => {
    const base = `/api/v1/authorizations/${seller.authorizationId}/restricted-data-token`;
    const ok = await call("POST", base, { key, body: { restrictedResources: [{ method: "GET", path: `/orders/v0/orders/${ORDER_ID}`, dataElements: ["buyerInfo"] }] } });
    expect(ok.status).toBe(200);
    expect(ok.json.restrictedDataToken).toEqual(expect.any(String));
    expect(codeOf((await call("POST", base, { key, body: { restrictedResources: [{ method: "GET", path: "/sellers/v1/account" }] } })).json)).toBe("invalid_input");
    expect(codeOf((await call("POST", base, { key: otherTenantKey, body: { restrictedResources: [{ method: "GET", path: `/orders/v0/orders/${ORDER_ID}` }] } })).json)).toBe("not_found");
  });

  it("grantless tokens: success and refusals", async () => {
    const ok = await call("POST", "/api/v1/grantless-tokens", { key, body: { scope: "sellingpartnerapi::notifications" } });
    expect(ok.status).toBe(200);
    expect(ok.json.scope).toBe("sellingpartnerapi::notifications");
    expect(codeOf((await call("POST", "/api/v1/grantless-tokens", { key, body: { scope: "sellingpartnerapi::client_credential:rotation" } })).json)).toBe("insufficient_scope");
    expect(codeOf((await call("POST", "/api/v1/grantless-tokens", { key: otherTenantKey, body: { scope: "sellingpartnerapi::notifications" } })).json)).toBe("not_found");
    expect(codeOf((await call("POST", "/api/v1/grantless-tokens", { key, rawBody: JSON.stringify({ scope: "sellingpartnerapi::everything" }) })).json)).toBe("invalid_input");
  });

  it("outcomes: accepted, and refusals", async () => {
    const ok = await call("POST", "/api/v1/outcomes", { key, body: { outcomes: [{ authorizationId: seller.authorizationId, operation: "getOrders", status: 200, latencyMs: 120 }] } });
    expect(ok.status).toBe(202);
    expect(ok.json.accepted).toBe(1);
    expect(codeOf((await call("POST", "/api/v1/outcomes", { key, rawBody: JSON.stringify({ outcomes: [] }) })).json)).toBe("invalid_input");
    expect(codeOf((await call("POST", "/api/v1/outcomes", { key: tokensOnly, body: { outcomes: [{ authorizationId: seller.authorizationId, operation: "getOrders", status: 200, latencyMs: 1 }] } })).json)).toBe("insufficient_scope");
  });

  it("the SP-API gateway: Amazon's answers and Latchkey's refusals, for every method", async () => {
    const base = `/api/v1/spapi/${seller.authorizationId}`;
    const ok = await call("GET", `${base}/sellers/v1/marketplaceParticipations`, { key });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("x-latchkey-operation")).toBe("getMarketplaceParticipations");
    expect(ok.json.payload).toBeDefined();
    const order = await call("GET", `${base}/orders/v0/orders/${ORDER_ID}`, { key, headers: { "x-latchkey-data-elements": "buyerInfo" } });
    expect(order.status).toBe(200);
    expect(codeOf((await call("GET", `${base}/sellers/v1/marketplaceParticipations`)).json)).toBe("unauthenticated");
    expect(codeOf((await call("GET", `${base}/sellers/v1/marketplaceParticipations`, { key: tokensOnly })).json)).toBe("insufficient_scope");
    expect(codeOf((await call("GET", `${base}/sellers/v1/marketplaceParticipations`, { key: otherTenantKey })).json)).toBe("not_found");
    expect(codeOf((await call("GET", `${base}/no/such/operation`, { key })).json)).toBe("unknown_operation");
    expect(codeOf((await call("GET", `${base}/sellers/v1/marketplaceParticipations`, { key, headers: { "x-latchkey-max-wait-ms": "forever" } })).json)).toBe("invalid_input");
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      const refused = await call(method, `${base}/no/such/operation`, { key, ...(method === "DELETE" ? {} : { body: {} }) });
      expect(codeOf(refused.json), method).toBe("unknown_operation");
      expect(codeOf((await call(method, `${base}/no/such/operation`)).json), method).toBe("unauthenticated");
    }
  });

  it("tenants: create (idempotent), list, read, change, by externalId, and refusals", async () => {
    const body = { name: "Contract Co", kind: "SELLER", contactEmail: "ops@contract.test", externalId: "contract-1", metadata: { plan: "pro" } };
    const created = await call("POST", "/api/v1/tenants", { key, body, headers: { "Idempotency-Key": "create-contract-1" } });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ name: "Contract Co", externalId: "contract-1", metadata: { plan: "pro" } });
    const replayed = await call("POST", "/api/v1/tenants", { key, body, headers: { "Idempotency-Key": "create-contract-1" } });
    expect(replayed.status).toBe(201);
    expect(replayed.headers.get("idempotent-replayed")).toBe("true");
    expect(replayed.json.id).toBe(created.json.id);
    expect(codeOf((await call("POST", "/api/v1/tenants", { key, body: { ...body, name: "Another Co" }, headers: { "Idempotency-Key": "create-contract-1" } })).json)).toBe("idempotency_key_reused");
    expect(codeOf((await call("POST", "/api/v1/tenants", { key, body })).json)).toBe("external_id_taken");
    expect(codeOf((await call("POST", "/api/v1/tenants", { key: otherTenantKey, body: { ...body, externalId: "contract-2" } })).json)).toBe("forbidden");
    expect(codeOf((await call("POST", "/api/v1/tenants", { key, rawBody: JSON.stringify({ ...body, kind: "BUYER" }) })).json)).toBe("invalid_input");
    expect(codeOf((await call("POST", "/api/v1/tenants", { key, rawBody: "{" })).json)).toBe("bad_request");
    expect(codeOf((await call("POST", "/api/v1/tenants", { key: tokensOnly, body: { ...body, externalId: "contract-3" } })).json)).toBe("insufficient_scope");

    const id = String(created.json.id);
    const listed = await call("GET", "/api/v1/tenants?externalId=contract-1", { key });
    expect(listed.status).toBe(200);
    expect((listed.json.data as Json[]).map((tenant) => tenant.id)).toEqual([id]);
    const limited = await call("GET", "/api/v1/tenants", { key: otherTenantKey });
    expect((limited.json.data as Json[]).map((tenant) => tenant.id)).toEqual([otherTenantId]);
    expect(codeOf((await call("GET", "/api/v1/tenants?limit=0", { key })).json)).toBe("invalid_input");
    expect(codeOf((await call("GET", "/api/v1/tenants?cursor=not-ours", { key })).json)).toBe("invalid_input");

    expect((await call("GET", `/api/v1/tenants/${id}`, { key })).json.name).toBe("Contract Co");
    expect(codeOf((await call("GET", `/api/v1/tenants/${id}`, { key: otherTenantKey })).json)).toBe("not_found");
    expect(codeOf((await call("GET", "/api/v1/tenants/no-such-tenant", { key })).json)).toBe("not_found");

    const changed = await call("PATCH", `/api/v1/tenants/${id}`, { key, body: { name: "Contract Company", metadata: null } });
    expect(changed.status).toBe(200);
    expect(changed.json).toMatchObject({ name: "Contract Company", metadata: {} });
    expect(codeOf((await call("PATCH", `/api/v1/tenants/${id}`, { key, rawBody: "{}" })).json)).toBe("invalid_input");
    expect(codeOf((await call("PATCH", `/api/v1/tenants/${id}`, { key: otherTenantKey, body: { name: "Taken Over" } })).json)).toBe("not_found");
    const otherExternal = await call("POST", "/api/v1/tenants", { key, body: { ...body, externalId: "contract-4" } });
    expect(codeOf((await call("PATCH", `/api/v1/tenants/${String(otherExternal.json.id)}`, { key, body: { externalId: "contract-1" } })).json)).toBe("external_id_taken");
    expect((await call("GET", `/api/v1/tenants/${id}`, { key })).json.name).toBe("Contract Company");

    expect((await call("GET", "/api/v1/tenants/by-external-id/contract-1", { key })).json.id).toBe(id);
    expect(codeOf((await call("GET", "/api/v1/tenants/by-external-id/contract-1", { key: otherTenantKey })).json)).toBe("not_found");
    expect(codeOf((await call("GET", "/api/v1/tenants/by-external-id/no-such-id", { key })).json)).toBe("not_found");
  });

  it("authorizations: list, detail, and refusals", async () => {
    const listed = await call("GET", `/api/v1/authorizations?tenantId=${seller.tenantId}`, { key });
    expect(listed.status).toBe(200);
    expect((listed.json.data as Json[]).map((authorization) => authorization.id)).toEqual([seller.authorizationId]);
    const limited = await call("GET", "/api/v1/authorizations", { key: otherTenantKey });
    expect((limited.json.data as Json[]).some((authorization) => authorization.id === seller.authorizationId)).toBe(false);
    expect(codeOf((await call("GET", "/api/v1/authorizations?status=HAPPY", { key })).json)).toBe("invalid_input");
    expect(codeOf((await call("GET", "/api/v1/authorizations", { key: tokensOnly })).json)).toBe("insufficient_scope");

    const detail = await call("GET", `/api/v1/authorizations/${seller.authorizationId}`, { key });
    expect(detail.status).toBe(200);
    expect(detail.json).toMatchObject({ id: seller.authorizationId, tenantId: seller.tenantId, status: "ACTIVE" });
    expect(JSON.stringify(detail.json)).not.toMatch(/Atza\||Atzr\|/);
    expect(codeOf((await call("GET", `/api/v1/authorizations/${seller.authorizationId}`, { key: otherTenantKey })).json)).toBe("not_found");
    expect(codeOf((await call("GET", "/api/v1/authorizations/no-such-authorization", { key })).json)).toBe("not_found");
  });

  it("connect links: a link (idempotent), and refusals", async () => {
    const fresh = await db.tenant.create({ data: { name: "Unlinked Co", kind: "SELLER", contactEmail: "ops@unlinked.test", externalId: "unlinked-1" } });
    const body = { externalId: "unlinked-1", region: "NA", flow: "connect", returnUrl: "https://app.example/done" };
    const created = await call("POST", "/api/v1/connect-links", { key, body, headers: { "Idempotency-Key": "link-1" } });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ tenantId: fresh.id, region: "NA", flow: "connect" });
    const replayed = await call("POST", "/api/v1/connect-links", { key, body, headers: { "Idempotency-Key": "link-1" } });
    expect(replayed.headers.get("idempotent-replayed")).toBe("true");
    expect(replayed.json.url).toBe(created.json.url);
    expect(codeOf((await call("POST", "/api/v1/connect-links", { key, body: { ...body, region: "EU" }, headers: { "Idempotency-Key": "link-1" } })).json)).toBe("idempotency_key_reused");
    expect(codeOf((await call("POST", "/api/v1/connect-links", { key, body: { ...body, returnUrl: "https://evil.example/x" } })).json)).toBe("return_url_not_allowed");
    expect(codeOf((await call("POST", "/api/v1/connect-links", { key, body: { tenantId: seller.tenantId, region: "NA", flow: "connect" } })).json)).toBe("already_connected");
    expect(codeOf((await call("POST", "/api/v1/connect-links", { key, body: { ...body, flow: "reauthorize" } })).json)).toBe("not_connected");
    expect(codeOf((await call("POST", "/api/v1/connect-links", { key: otherTenantKey, body })).json)).toBe("not_found");
    expect(codeOf((await call("POST", "/api/v1/connect-links", { key, rawBody: JSON.stringify({ region: "NA", flow: "connect" }) })).json)).toBe("invalid_input");
    expect(codeOf((await call("POST", "/api/v1/connect-links", { key, body, headers: { "Idempotency-Key": "has space" } })).json)).toBe("invalid_input");
  });

  it("webhook endpoints: register, list, read, change, deliveries, test, redeliver, remove, and refusals", async () => {
    const created = await call("POST", "/api/v1/webhook-endpoints", { key, body: { url: receiver.url, eventTypes: ["authorization.revoked"], description: "Contract" } });
    expect(created.status).toBe(201);
    expect(created.json.secret).toEqual(expect.stringMatching(/^whsec_/));
    const id = String((created.json.endpoint as Json).id);
    expect(codeOf((await call("POST", "/api/v1/webhook-endpoints", { key, rawBody: JSON.stringify({ url: receiver.url, eventTypes: ["no.such.event"] }) })).json)).toBe("invalid_input");
    expect(codeOf((await call("POST", "/api/v1/webhook-endpoints", { key: otherTenantKey, body: { url: receiver.url, tenantId: seller.tenantId } })).json)).toBe("not_found");
    expect(codeOf((await call("POST", "/api/v1/webhook-endpoints", { key: tokensOnly, body: { url: receiver.url } })).json)).toBe("insufficient_scope");

    const listed = await call("GET", "/api/v1/webhook-endpoints", { key });
    expect(listed.status).toBe(200);
    expect((listed.json.endpoints as Json[]).map((endpoint) => endpoint.id)).toEqual([id]);
    expect((await call("GET", "/api/v1/webhook-endpoints", { key: otherTenantKey })).json.endpoints).toEqual([]);
    expect(codeOf((await call("GET", "/api/v1/webhook-endpoints", { key: tokensOnly })).json)).toBe("insufficient_scope");

    expect(((await call("GET", `/api/v1/webhook-endpoints/${id}`, { key })).json.endpoint as Json).description).toBe("Contract");
    expect(codeOf((await call("GET", `/api/v1/webhook-endpoints/${id}`, { key: otherTenantKey })).json)).toBe("not_found");

    const changed = await call("PATCH", `/api/v1/webhook-endpoints/${id}`, { key, body: { description: "Changed" } });
    expect((changed.json.endpoint as Json).description).toBe("Changed");
    expect(codeOf((await call("PATCH", `/api/v1/webhook-endpoints/${id}`, { key, rawBody: "{}" })).json)).toBe("invalid_input");
    expect(codeOf((await call("PATCH", `/api/v1/webhook-endpoints/${id}`, { key: otherTenantKey, body: { enabled: false } })).json)).toBe("not_found");

    const tested = await call("POST", `/api/v1/webhook-endpoints/${id}/test`, { key });
    expect(tested.status).toBe(201);
    expect(tested.json.delivery).toMatchObject({ eventType: "webhook.test", status: "succeeded" });
    expect(receiver.received.some((hook) => JSON.stringify(hook).includes("webhook.test"))).toBe(true);
    expect(codeOf((await call("POST", `/api/v1/webhook-endpoints/${id}/test`, { key: otherTenantKey })).json)).toBe("not_found");

    const deliveryId = String((tested.json.delivery as Json).id);
    const deliveries = await call("GET", `/api/v1/webhook-endpoints/${id}/deliveries?status=succeeded`, { key });
    expect((deliveries.json.deliveries as Json[]).map((delivery) => delivery.id)).toEqual([deliveryId]);
    expect(codeOf((await call("GET", `/api/v1/webhook-endpoints/${id}/deliveries?limit=500`, { key })).json)).toBe("invalid_input");
    expect(codeOf((await call("GET", `/api/v1/webhook-endpoints/${id}/deliveries`, { key: otherTenantKey })).json)).toBe("not_found");

    const again = await call("POST", `/api/v1/webhook-endpoints/${id}/deliveries/${deliveryId}/redeliver`, { key });
    expect(again.status).toBe(201);
    expect(again.json.delivery).toMatchObject({ redeliveryOf: deliveryId, eventId: (tested.json.delivery as Json).eventId });
    expect(codeOf((await call("POST", `/api/v1/webhook-endpoints/${id}/deliveries/no-such-delivery/redeliver`, { key })).json)).toBe("not_found");
    expect(codeOf((await call("POST", `/api/v1/webhook-endpoints/${id}/deliveries/${deliveryId}/redeliver`, { key: otherTenantKey })).json)).toBe("not_found");

    expect(codeOf((await call("DELETE", `/api/v1/webhook-endpoints/${id}`, { key: otherTenantKey })).json)).toBe("not_found");
    expect((await call("DELETE", `/api/v1/webhook-endpoints/${id}`, { key })).status).toBe(204);
    expect(codeOf((await call("GET", `/api/v1/webhook-endpoints/${id}`, { key })).json)).toBe("not_found");
    expect(codeOf((await call("DELETE", `/api/v1/webhook-endpoints/${id}`, { key })).json)).toBe("not_found");
  });

  it("called every documented operation with a success and an error", () => {
    const missing = operationsOf(document).flatMap((op) => {
      const statuses = [...(covered.get(`${op.method} ${op.path}`) ?? [])];
      const success = statuses.some((s) => s < 300) || op.path.startsWith("/api/v1/spapi/") && op.method !== "get";
      const error = statuses.some((s) => s >= 400) || ["/api/v1/ping", "/api/v1/openapi.json"].includes(op.path);
      return success && error ? [] : [`${op.method} ${op.path}: ${statuses.join(",") || "never called"}`];
    });
    expect(missing).toEqual([]);
  });
});
