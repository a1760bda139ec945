"use server";

import { tenantAction } from "@/lib/auth/action-guards";
import { testTenantConnection } from "@/lib/preflight/test-connectivity";
import { authorizationIdInput } from "@/lib/utils/form-fields";

/** A partner's test call with one of their own connections. */
export const testConnectionAction = tenantAction(authorizationIdInput, ({ authorizationId }, { user, tenantId, requestId }) =>
  testTenantConnection({ tenantId, authorizationId, actorType: "PARTNER", actorId: user.id, requestId }),
);
