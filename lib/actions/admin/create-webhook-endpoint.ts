"use server";

import { adminAction } from "@/lib/auth/action-guards";
import { createWebhookEndpoint } from "@/lib/webhooks/manage-endpoints";
import { createWebhookEndpointForm } from "@/lib/webhooks/schemas";

/** Registers a webhook endpoint; its signing secret is in the answer once and never again. */
export const createWebhookEndpointAction = adminAction(
  createWebhookEndpointForm,
  async (input, { user, requestId }) => {
    const created = await createWebhookEndpoint(input, { tenantIds: [], actorType: "ADMIN", actorId: user.id, requestId });
    return { endpointId: created.endpoint.id, url: created.endpoint.url, secret: created.secret };
  },
  { revalidate: "/admin/webhooks" },
);
