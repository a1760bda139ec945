import { type NextRequest, NextResponse } from "next/server";
import { readServerEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { isDecodablePath } from "@/lib/http/decodable-path";
import { gatewayParamsOf, isGatewayMethod } from "@/lib/gateway/gateway-path";
import { errorResponse } from "@/lib/http/error-response";
import { requestIdFrom } from "@/lib/http/request-id";
import { contentSecurityPolicy, EVAL_PAGES, newNonce, STRICT_TRANSPORT_SECURITY } from "@/lib/security/security-headers";

/**
 * Runs before every page: tells server pages which path was requested (`x-pathname`), so a signed-out
 * visitor is sent back to exactly that page after signing in (untrusted input: the sign-in callback
 * sanitizer checks it again), and sets the page's Content-Security-Policy with a fresh nonce (Next reads
 * it from the request's header and puts it on its scripts) and, when APP_URL is https, HSTS. API routes
 * only get the path check (their answers are JSON, never a page).
 */
export function proxy(request: NextRequest) {
  // A path that cannot be decoded names nothing: 404 in the one error envelope, before Next's router fails on it.
  if (!isDecodablePath(request.nextUrl.pathname)) return errorResponse(new AppError("not_found"), requestIdFrom(request.headers));
  if (request.nextUrl.pathname.startsWith("/api/")) return answerGateway(request) ?? NextResponse.next();
  const env = readServerEnv();
  const https = new URL(env.APP_URL).protocol === "https:";
  const policy = contentSecurityPolicy({ nonce: newNonce(), development: env.NODE_ENV === "development", https, allowEval: EVAL_PAGES.includes(request.nextUrl.pathname) });
  const headers = new Headers(request.headers);
  headers.set("x-pathname", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  if (https) response.headers.set("strict-transport-security", STRICT_TRANSPORT_SECURITY);
  return response;
}

/**
 * The SP-API gateway answers here, before Next's router: its per-request work (route matching, the route
 * module's stores) cost more CPU than the gateway itself, on the path every worker's SP-API call takes
 * (issue 14's overhead figure). Same handler as the route, loaded on the first gateway request. Not on
 * Vercel, whose Routing Middleware is not where long SP-API calls belong: the route serves them there.
 */
function answerGateway(request: NextRequest): Promise<Response> | null {
  if (readServerEnv().VERCEL === "1" || !isGatewayMethod(request.method)) return null;
  const params = gatewayParamsOf(request.nextUrl.pathname);
  if (!params) return null;
  return import("@/lib/gateway/gateway-handler").then(({ gatewayHandler }) => gatewayHandler(request, { params: Promise.resolve(params) }));
}

export const config = {
  matcher: ["/((?!_next/|favicon.ico).*)"],
};
