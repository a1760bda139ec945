"use server";

import { adminAction } from "@/lib/auth/action-guards";
import { updateWebhookEndpoint } from "@/lib/webhooks/manage-endpoints";
import { setEndpointEnabledForm } from "@/lib/webhooks/schemas";

/** Turns an endpoint's deliveries on or off (a disabled endpoint gets no new events). */
export const setWebhookEndpointEnabledAction = adminAction(
  setEndpointEnabledForm,
  async ({ endpointId, enabled }, { user, requestId }) => {
    const endpoint = await updateWebhookEndpoint(endpointId, { enabled }, { tenantIds: [], actorType: "ADMIN", actorId: user.id, requestId });
    return { enabled: endpoint.enabled };
  },
  { revalidate: ({ endpointId }) => ["/admin/webhooks", `/admin/webhooks/${endpointId}`] },
);
