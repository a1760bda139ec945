import { type NextRequest, NextResponse } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { connectLinkIdFromCookie } from "@/lib/connect-links/connect-link-session";
import { CONNECT_LINK_COOKIE } from "@/lib/connect-links/connect-link-url";
import { finishConnectLink } from "@/lib/connect-links/finish-connect-link";
import { readServerEnv } from "@/lib/env";
import { callbackRedirectPath, completeAuthorization } from "@/lib/oauth/complete-authorization";
import { BINDING_COOKIE } from "@/lib/oauth/redirect-uri";

export const dynamic = "force-dynamic";

/**
 * Amazon redirects here with `state`, `selling_partner_id` and `spapi_oauth_code` (or an error). A flow a
 * connect link started ends at the link's returnUrl (with `authorizationId` and `outcome`) or its result page.
 */
export async function GET(request: NextRequest) {
  const query = request.nextUrl.searchParams;
  const user = await getCurrentUser();
  const linkCookie = request.cookies.get(CONNECT_LINK_COOKIE)?.value;
  const outcome = await completeAuthorization(
    {
      state: query.get("state"),
      selling_partner_id: query.get("selling_partner_id"),
      spapi_oauth_code: query.get("spapi_oauth_code"),
      error: query.get("error"),
    },
    request.cookies.get(BINDING_COOKIE)?.value,
    user?.id,
    await connectLinkIdFromCookie(linkCookie),
  );
  const env = readServerEnv();
  const target = outcome.connectLinkId ? await finishConnectLink(outcome.connectLinkId, outcome) : callbackRedirectPath(outcome);
  const response = NextResponse.redirect(new URL(target, env.APP_URL), 303);
  // The code and state must not leak to whatever the next page loads.
  response.headers.set("Referrer-Policy", "no-referrer");
  response.headers.set("Cache-Control", "no-store");
  if (outcome.connectLinkId) response.cookies.delete(CONNECT_LINK_COOKIE);
  return response;
}
