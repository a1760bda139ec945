"use server";

import { adminAction } from "@/lib/auth/action-guards";
import { sendTestWebhook } from "@/lib/webhooks/endpoint-deliveries";
import { endpointIdForm } from "@/lib/webhooks/schemas";

/** Sends a signed `webhook.test` event to the endpoint now; the answer is the delivery's outcome. */
export const sendTestWebhookAction = adminAction(endpointIdForm, ({ endpointId }) => sendTestWebhook(endpointId, { tenantIds: [] }), {
  revalidate: ({ endpointId }) => [`/admin/webhooks/${endpointId}`, "/admin/webhooks"],
});
