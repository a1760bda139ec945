"use server";

import { z } from "zod";
import { revokeApiKey } from "@/lib/api-keys/manage-api-keys";
import { adminAction } from "@/lib/auth/action-guards";

/** Revokes an API key: its next request is refused. */
export const revokeApiKeyAction = adminAction(z.object({ apiKeyId: z.string().min(1) }), ({ apiKeyId }, { user }) => revokeApiKey(apiKeyId, user.id), {
  revalidate: "/admin/api-keys",
});
