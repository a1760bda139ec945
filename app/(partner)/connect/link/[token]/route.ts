import { NextResponse } from "next/server";
import { z } from "zod";
import { CONNECT_LINK_COOKIE } from "@/lib/connect-links/connect-link-url";
import { openConnectLink } from "@/lib/connect-links/open-connect-link";
import { readServerEnv } from "@/lib/env";
import { publicRoute } from "@/lib/http/route-handler";

export const dynamic = "force-dynamic";

const params = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/) });

/**
 * A partner opens a connect link: the first visit claims it and gives this browser the link's session
 * cookie, then the consent page (the token leaves the address bar at once). A used, expired or unknown
 * link lands on the result page saying so.
 */
export const GET = publicRoute(
  async (_request, { params: { token } }) => {
    const env = readServerEnv();
    const opened = await openConnectLink(token);
    const target = opened.ok ? "/connect/link/consent" : `/connect/link/done?outcome=${opened.failure}`;
    const response = NextResponse.redirect(new URL(target, env.APP_URL), 303);
    response.headers.set("Referrer-Policy", "no-referrer");
    if (opened.ok) {
      response.cookies.set(CONNECT_LINK_COOKIE, opened.sessionToken, {
        httpOnly: true,
        sameSite: "lax", // Amazon's redirect back is a top-level GET navigation: Lax cookies are sent
        secure: env.APP_URL.startsWith("https:"),
        path: "/",
        expires: opened.sessionExpiresAt,
      });
    }
    return response;
  },
  { params },
);
