import { type NextRequest, NextResponse } from "next/server";
import { readServerEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { isDecodablePath } from "@/lib/http/decodable-path";
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
  if (request.nextUrl.pathname.startsWith("/api/")) return NextResponse.next();
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

export const config = {
  matcher: ["/((?!_next/|favicon.ico).*)"],
};
