"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { tenantAction } from "@/lib/auth/action-guards";
import { startWebsiteAuthorization } from "@/lib/oauth/start-website-authorization";
import { bindingCookie } from "./binding-cookie";

const startForm = z.object({ marketplaceId: z.string().min(1), reason: z.enum(["renewal", "role_change", "partner_request"]).optional() });

/** Sends the partner to Amazon's consent page for one marketplace. */
export const startAuthorizationAction = tenantAction(startForm, async (input, { user, tenantId }) => {
  const { consentUrl } = await startWebsiteAuthorization({ userId: user.id, tenantId, marketplaceId: input.marketplaceId, reason: input.reason, bindingCookie: await bindingCookie() });
  redirect(consentUrl);
});
