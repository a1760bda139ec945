"use server";

import { z } from "zod";
import { createApiKey } from "@/lib/api-keys/manage-api-keys";
import { adminAction } from "@/lib/auth/action-guards";
import { repeatedField } from "../form-fields";

const createKeyForm = z.object({
  name: z.string(),
  tenantIds: repeatedField(z.array(z.string())),
  rateLimitPerMinute: z.string().optional(),
});

/** Creates an API key; the key itself is in the answer once and never again. */
export const createApiKeyAction = adminAction(
  createKeyForm,
  async (input, { user }) => {
    const created = await createApiKey({ name: input.name, tenantIds: input.tenantIds.filter(Boolean), rateLimitPerMinute: input.rateLimitPerMinute || undefined }, user.id);
    return { apiKey: created.apiKey, prefix: created.prefix };
  },
  { revalidate: "/admin/api-keys" },
);
