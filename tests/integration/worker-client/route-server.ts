// A real HTTP server in front of the imported /api/v1 route handlers, so the worker client talks HTTP
// to Latchkey's actual code (no Next server needed). Counts requests per route.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { NextRequest } from "next/server";
import { gatewayParamsOf } from "@/lib/gateway/gateway-path";
import { POST as accessTokenRoute } from "@/app/api/v1/authorizations/[id]/access-token/route";
import { POST as rdtRoute } from "@/app/api/v1/authorizations/[id]/restricted-data-token/route";
import { POST as grantlessRoute } from "@/app/api/v1/grantless-tokens/route";
import { POST as outcomesRoute } from "@/app/api/v1/outcomes/route";
import { GET as pingRoute } from "@/app/api/v1/ping/route";
import * as gatewayRoute from "@/app/api/v1/spapi/[authorizationId]/[...path]/route";
import { GET as listAuthorizationsRoute } from "@/app/api/v1/authorizations/route";
import { GET as getAuthorizationRoute } from "@/app/api/v1/authorizations/[id]/route";
import { POST as connectLinksRoute } from "@/app/api/v1/connect-links/route";
import * as tenantsRoute from "@/app/api/v1/tenants/route";
import * as tenantRoute from "@/app/api/v1/tenants/[id]/route";
import * as webhookEndpointsRoute from "@/app/api/v1/webhook-endpoints/route";
import * as webhookEndpointRoute from "@/app/api/v1/webhook-endpoints/[id]/route";
import { GET as webhookDeliveriesRoute } from "@/app/api/v1/webhook-endpoints/[id]/deliveries/route";
import { POST as webhookRedeliverRoute } from "@/app/api/v1/webhook-endpoints/[id]/deliveries/[deliveryId]/redeliver/route";
import { POST as webhookTestRoute } from "@/app/api/v1/webhook-endpoints/[id]/test/route";
import { GET as tenantByExternalIdRoute } from "@/app/api/v1/tenants/by-external-id/[externalId]/route";

type Handler = (request: NextRequest, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response> | Response;

const idParam = (match: RegExpExecArray) => ({ id: decodeURIComponent(match[1] ?? "") });
// The gateway's catch-all: `[authorizationId]` and the Amazon path's segments, as Next (and proxy.ts) pass them;
// a path Next would not route gets params the route refuses (404).
const gatewayParams = (match: RegExpExecArray) => gatewayParamsOf(match[0]) ?? { authorizationId: "", path: [] };
const externalIdParam = (match: RegExpExecArray) => ({ externalId: decodeURIComponent(match[1] ?? "") });
const noParams = () => ({});
const deliveryParams = (match: RegExpExecArray) => ({ id: decodeURIComponent(match[1] ?? ""), deliveryId: decodeURIComponent(match[2] ?? "") });
const gatewayHandler: Handler = (request, context) => gatewayRoute[request.method as "GET" | "POST" | "PUT" | "PATCH" | "DELETE"](request, context as never);

const routes: { method: string | null; pattern: RegExp; name: string; handler: Handler; params: (match: RegExpExecArray) => Record<string, string | string[]> }[] = [
  { method: "POST", pattern: /^\/api\/v1\/authorizations\/([^/]+)\/access-token$/, name: "access-token", handler: accessTokenRoute as Handler, params: idParam },
  { method: "POST", pattern: /^\/api\/v1\/authorizations\/([^/]+)\/restricted-data-token$/, name: "restricted-data-token", handler: rdtRoute as Handler, params: idParam },
  { method: "POST", pattern: /^\/api\/v1\/grantless-tokens$/, name: "grantless-tokens", handler: grantlessRoute as Handler, params: idParam },
  { method: "POST", pattern: /^\/api\/v1\/outcomes$/, name: "outcomes", handler: outcomesRoute as Handler, params: idParam },
  { method: "GET", pattern: /^\/api\/v1\/ping$/, name: "ping", handler: () => pingRoute(), params: idParam },
  // The management API: tenants, authorizations, connect links.
  { method: "GET", pattern: /^\/api\/v1\/tenants$/, name: "tenants", handler: tenantsRoute.GET as Handler, params: noParams },
  { method: "POST", pattern: /^\/api\/v1\/tenants$/, name: "tenants", handler: tenantsRoute.POST as Handler, params: noParams },
  { method: "GET", pattern: /^\/api\/v1\/tenants\/by-external-id\/([^/]+)$/, name: "tenant-by-external-id", handler: tenantByExternalIdRoute as Handler, params: externalIdParam },
  { method: "GET", pattern: /^\/api\/v1\/tenants\/([^/]+)$/, name: "tenant", handler: tenantRoute.GET as Handler, params: idParam },
  { method: "PATCH", pattern: /^\/api\/v1\/tenants\/([^/]+)$/, name: "tenant", handler: tenantRoute.PATCH as Handler, params: idParam },
  { method: "GET", pattern: /^\/api\/v1\/authorizations$/, name: "authorizations", handler: listAuthorizationsRoute as Handler, params: noParams },
  { method: "GET", pattern: /^\/api\/v1\/authorizations\/([^/]+)$/, name: "authorization", handler: getAuthorizationRoute as Handler, params: idParam },
  { method: "POST", pattern: /^\/api\/v1\/connect-links$/, name: "connect-links", handler: connectLinksRoute as Handler, params: noParams },
  // Webhook endpoints.
  { method: "GET", pattern: /^\/api\/v1\/webhook-endpoints$/, name: "webhook-endpoints", handler: webhookEndpointsRoute.GET as Handler, params: noParams },
  { method: "POST", pattern: /^\/api\/v1\/webhook-endpoints$/, name: "webhook-endpoints", handler: webhookEndpointsRoute.POST as Handler, params: noParams },
  { method: "GET", pattern: /^\/api\/v1\/webhook-endpoints\/([^/]+)$/, name: "webhook-endpoint", handler: webhookEndpointRoute.GET as Handler, params: idParam },
  { method: "PATCH", pattern: /^\/api\/v1\/webhook-endpoints\/([^/]+)$/, name: "webhook-endpoint", handler: webhookEndpointRoute.PATCH as Handler, params: idParam },
  { method: "DELETE", pattern: /^\/api\/v1\/webhook-endpoints\/([^/]+)$/, name: "webhook-endpoint", handler: webhookEndpointRoute.DELETE as Handler, params: idParam },
  { method: "GET", pattern: /^\/api\/v1\/webhook-endpoints\/([^/]+)\/deliveries$/, name: "webhook-deliveries", handler: webhookDeliveriesRoute as Handler, params: idParam },
  { method: "POST", pattern: /^\/api\/v1\/webhook-endpoints\/([^/]+)\/test$/, name: "webhook-test", handler: webhookTestRoute as Handler, params: idParam },
  { method: "POST", pattern: /^\/api\/v1\/webhook-endpoints\/([^/]+)\/deliveries\/([^/]+)\/redeliver$/, name: "webhook-redeliver", handler: webhookRedeliverRoute as Handler, params: deliveryParams },
  { method: null, pattern: /^\/api\/v1\/spapi\/([^/]+)(\/.*)?$/, name: "gateway", handler: gatewayHandler, params: gatewayParams },
];

async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return chunks.length ? Buffer.concat(chunks) : undefined;
}

export interface RouteServer {
  url: string;
  counts: Map<string, number>;
  close(): Promise<void>;
}

export async function startRouteServer(): Promise<RouteServer> {
  const counts = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const route = routes.find((r) => (r.method === null || r.method === req.method) && r.pattern.test(url.pathname));
      if (!route) {
        res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: { code: "not_found", message: "no route" } }));
        return;
      }
      counts.set(route.name, (counts.get(route.name) ?? 0) + 1);
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
      const body = await readBody(req);
      const request = new NextRequest(url.toString(), { method: req.method, headers, body: body ? new Uint8Array(body) : undefined });
      const params = route.params(route.pattern.exec(url.pathname)!);
      const response = await route.handler(request, { params: Promise.resolve(params) });
      res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
      res.end(Buffer.from(await response.arrayBuffer()));
    })().catch((error: unknown) => {
      res.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ error: { code: "internal", message: String(error) } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
