import "server-only";
// Every request to Auth.js (/api/auth/*) as if it had come to APP_URL: Auth.js builds its links, redirects
// and cookies from the request's URL, so a visit on another host name for the same server (127.0.0.1 vs
// localhost, or a forged Host) must not make it build them elsewhere. Callback URLs a client sent that
// Auth.js would refuse with a 500 "server configuration" error are replaced by a safe one first.
import { NextRequest } from "next/server";
import { readServerEnv } from "@/lib/env";
import { sanitizeCallbackUrl } from "./callback-url";

const CALLBACK_URL_COOKIES = new Set(["authjs.callback-url", "__Secure-authjs.callback-url"]);
const NOT_SAME_ORIGIN = "";

function isSameOriginTarget(value: string, origin: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    return false;
  }
  return sanitizeCallbackUrl(decoded, { origin, fallback: NOT_SAME_ORIGIN }) !== NOT_SAME_ORIGIN;
}

/** The cookie header without a callback-url cookie that points off this site (or is not a URL at all). */
function withoutForeignCallbackCookie(cookieHeader: string, origin: string): string {
  return cookieHeader
    .split(";")
    .map((part) => part.trim())
    .filter((part) => {
      const separator = part.indexOf("=");
      const name = separator === -1 ? part : part.slice(0, separator);
      return !CALLBACK_URL_COOKIES.has(name) || isSameOriginTarget(part.slice(separator + 1), origin);
    })
    .join("; ");
}

export function authRequestOnAppOrigin(request: Request): NextRequest {
  const appOrigin = new URL(readServerEnv().APP_URL).origin;
  const given = new URL(request.url);
  const url = new URL(`${given.pathname}${given.search}`, appOrigin);
  const callbackUrl = url.searchParams.get("callbackUrl");
  if (callbackUrl !== null) url.searchParams.set("callbackUrl", `${appOrigin}${sanitizeCallbackUrl(callbackUrl, { origin: appOrigin })}`);
  const onApp = new NextRequest(url, request);
  const cookieHeader = onApp.headers.get("cookie");
  if (cookieHeader) onApp.headers.set("cookie", withoutForeignCallbackCookie(cookieHeader, appOrigin));
  return onApp;
}
