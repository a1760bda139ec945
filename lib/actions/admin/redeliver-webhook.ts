"use server";

import { adminAction } from "@/lib/auth/action-guards";
import { redeliverWebhook } from "@/lib/webhooks/endpoint-deliveries";
import { redeliverForm } from "@/lib/webhooks/schemas";

/** "Send again": the same event to the same endpoint, as a new delivery attempted now. */
export const redeliverWebhookAction = adminAction(redeliverForm, ({ endpointId, deliveryId }) => redeliverWebhook(endpointId, deliveryId, { tenantIds: [] }), {
  revalidate: ({ endpointId }) => [`/admin/webhooks/${endpointId}`],
});
