"use server";

import { adminAction } from "@/lib/auth/action-guards";
import { deleteWebhookEndpoint } from "@/lib/webhooks/manage-endpoints";
import { endpointIdForm } from "@/lib/webhooks/schemas";

/** Removes an endpoint and its delivery log. */
export const deleteWebhookEndpointAction = adminAction(
  endpointIdForm,
  async ({ endpointId }, { user, requestId }) => {
    await deleteWebhookEndpoint(endpointId, { tenantIds: [], actorType: "ADMIN", actorId: user.id, requestId });
    return { deleted: true };
  },
  { revalidate: "/admin/webhooks" },
);
