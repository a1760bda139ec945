import "server-only";
// The webhook API's caller: an API key with the `webhooks` scope, limited to its tenants or not.
import type { ApiCaller } from "@/lib/api-keys/authenticate-api-key";
import { idSchema } from "@/lib/http/ids";
import { z } from "zod";
import type { WebhookCaller } from "./manage-endpoints";
import { listDeliveriesQuery } from "./schemas";

export function webhookCallerOfKey(caller: ApiCaller, requestId: string): WebhookCaller {
  return { tenantIds: caller.tenantIds, actorType: "API_KEY", actorId: caller.apiKeyId, requestId };
}

/** `[id]` of an endpoint route. */
export const endpointParams = z.object({ id: idSchema });
/** `[id]/deliveries/[deliveryId]`. */
export const deliveryParams = z.object({ id: idSchema, deliveryId: idSchema });

/** The deliveries list's query string (422 on a bad value). */
export function readDeliveriesQuery(request: Request) {
  return listDeliveriesQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
}
