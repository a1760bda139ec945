import { type NextRequest, NextResponse } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { readServerEnv } from "@/lib/env";
import { callbackRedirectPath, completeAuthorization } from "@/lib/oauth/complete-authorization";
import { BINDING_COOKIE } from "@/lib/oauth/redirect-uri";

export const dynamic = "force-dynamic";

/** Amazon redirects here with `state`, `selling_partner_id` and `spapi_oauth_code` (or an error). */
export async function GET(request: NextRequest) {
  const query = request.nextUrl.searchParams;
  const user = await getCurrentUser();
  const outcome = await completeAuthorization(
    {
      state: query.get("state"),
      selling_partner_id: query.get("selling_partner_id"),
      spapi_oauth_code: query.get("spapi_oauth_code"),
      error: query.get("error"),
    },
    request.cookies.get(BINDING_COOKIE)?.value,
    user?.id,
  );
  const target = callbackRedirectPath(outcome);
  const response = NextResponse.redirect(new URL(target, readServerEnv().APP_URL), 303);
  // The code and state must not leak to whatever the next page loads.
  response.headers.set("Referrer-Policy", "no-referrer");
  response.headers.set("Cache-Control", "no-store");
  return response;
}
