"use server";

import { redirect } from "next/navigation";
import { tenantAction } from "@/lib/auth/action-guards";
import { disconnectAuthorization } from "@/lib/authorizations/disconnect";
import { authorizationIdInput } from "@/lib/utils/form-fields";

/** The partner disconnects one of their accounts, then sees it disconnected. */
export const disconnectAction = tenantAction(authorizationIdInput, async ({ authorizationId }, { user, tenantId, requestId }) => {
  await disconnectAuthorization({ tenantId, authorizationId, userId: user.id, requestId });
  redirect(`/connect/connections/${authorizationId}?disconnected=1`);
});
