"use server";

import { adminAction } from "@/lib/auth/action-guards";
import { forceRefreshAccessToken } from "@/lib/tokens/force-refresh-access-token";
import { authorizationIdInput } from "@/lib/utils/form-fields";

/** Gets a new access token for one authorization now (the detail page's "Refresh token"). */
export const forceRefreshAction = adminAction(
  authorizationIdInput,
  ({ authorizationId }, { user, requestId }) => forceRefreshAccessToken({ authorizationId, actorId: user.id, requestId }),
  { revalidate: ({ authorizationId }) => `/admin/authorizations/${authorizationId}` },
);
