// Where to send someone after they sign in. Only paths on this site are allowed: anything that a browser
// could read as another origin ("//evil.com", "/\evil.com", "https://evil.com", "javascript:...") falls
// back to the default, so a crafted sign-in link can never be an open redirect.

import { AUTH_PAGES } from "./pages";

export const DEFAULT_CALLBACK_PATH = "/";

const PLACEHOLDER_ORIGIN = "http://latchkey.invalid";

/**
 * Returns a same-origin path ("/x?y#z") for `value`, or `fallback`. An absolute URL is accepted only when
 * `origin` is given and it matches exactly (Auth.js hands the redirect callback absolute URLs).
 */
export function sanitizeCallbackUrl(value: unknown, options: { origin?: string; fallback?: string } = {}): string {
  const fallback = options.fallback ?? DEFAULT_CALLBACK_PATH;
  if (typeof value !== "string") return fallback;
  const candidate = value.trim();
  if (candidate === "" || candidate.length > 2048) return fallback;
  // Control characters and backslashes are how "/\evil.com" and "/\t/evil.com" become protocol-relative.
  if (/[\u0000-\u001f\u007f\\]/.test(candidate)) return fallback;

  if (candidate.startsWith("/")) {
    if (candidate.startsWith("//")) return fallback;
    return samePath(candidate, PLACEHOLDER_ORIGIN) ?? fallback;
  }
  if (options.origin) {
    let origin: string;
    try {
      origin = new URL(options.origin).origin;
    } catch {
      return fallback;
    }
    return samePath(candidate, origin, true) ?? fallback;
  }
  return fallback;
}

/** Parses `candidate` against `origin` and returns its path when it stays on that origin. */
function samePath(candidate: string, origin: string, absolute = false): string | undefined {
  let url: URL;
  try {
    url = absolute ? new URL(candidate) : new URL(candidate, origin);
  } catch {
    return undefined;
  }
  if (url.origin !== origin) return undefined;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith("//") ? undefined : path;
}

/** "/sign-in?callbackUrl=<path>" for a same-origin path (anything else is dropped). */
export function signInPath(callbackUrl?: string): string {
  const path = sanitizeCallbackUrl(callbackUrl);
  return path === DEFAULT_CALLBACK_PATH ? AUTH_PAGES.signIn : `${AUTH_PAGES.signIn}?${new URLSearchParams({ callbackUrl: path })}`;
}
