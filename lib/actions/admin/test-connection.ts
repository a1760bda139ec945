"use server";

import { adminAction } from "@/lib/auth/action-guards";
import { testTenantConnection } from "@/lib/preflight/test-connectivity";
import { authorizationIdInput } from "@/lib/utils/form-fields";

/** An admin's test call with one authorization's token (recorded as the admin's). */
export const adminTestConnectionAction = adminAction(authorizationIdInput, ({ authorizationId }, { user, requestId }) =>
  testTenantConnection({ authorizationId, actorType: "ADMIN", actorId: user.id, requestId }),
);
