import { type NextRequest, NextResponse } from "next/server";

/**
 * Tells server pages which path was requested (`x-pathname`), so a signed-out visitor is sent back to
 * exactly that page after signing in. Untrusted input: the sign-in callback sanitizer checks it again.
 */
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set("x-pathname", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ["/((?!_next/|api/|favicon.ico).*)"],
};
