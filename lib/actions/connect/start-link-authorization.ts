"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { sessionlessAction } from "@/lib/auth/action-guards";
import { CONNECT_LINK_COOKIE } from "@/lib/connect-links/connect-link-url";
import { startLinkAuthorization } from "@/lib/connect-links/start-link-authorization";
import { bindingCookie } from "./binding-cookie";

/**
 * "Continue to Amazon" on a connect link's consent page. The form carries nothing: the tenant, region and
 * flow are the link's, found from this browser's link session (404 without one).
 */
export const startLinkAuthorizationAction = sessionlessAction(z.object({}), async () => {
  const session = (await cookies()).get(CONNECT_LINK_COOKIE)?.value;
  const { consentUrl } = await startLinkAuthorization(session, await bindingCookie());
  redirect(consentUrl);
});
