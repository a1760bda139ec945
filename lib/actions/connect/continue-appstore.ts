"use server";

import { redirect } from "next/navigation";
import { tenantAction } from "@/lib/auth/action-guards";
import { appstoreParams, continueAppstoreAuthorization } from "@/lib/oauth/appstore";
import { bindingCookie } from "./binding-cookie";

/** Continues an authorization the partner started in the Appstore: back to Amazon, or to what went wrong. */
export const continueAppstoreAction = tenantAction(appstoreParams, async (params, { user, tenantId }) => {
  const outcome = await continueAppstoreAuthorization({ userId: user.id, tenantId, params, bindingCookie: await bindingCookie() });
  redirect(outcome.ok ? outcome.redirectUrl : `/connect/error?code=${outcome.failure}`);
});
