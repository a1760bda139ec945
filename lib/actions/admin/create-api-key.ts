"use server";

import { createApiKey, createApiKeyForm } from "@/lib/api-keys/manage-api-keys";
import { adminAction } from "@/lib/auth/action-guards";

/** Creates an API key with the scopes the admin chose; the key itself is in the answer once and never again. */
export const createApiKeyAction = adminAction(
  createApiKeyForm,
  async (input, { user }) => {
    const created = await createApiKey(input, user.id);
    return { apiKey: created.apiKey, prefix: created.prefix };
  },
  { revalidate: "/admin/api-keys" },
);
