import { NextResponse } from "next/server";
import { withApiKey } from "@/lib/api-keys/with-api-key";
import { otherMethods } from "@/lib/http/other-methods";
import { readJsonBody } from "@/lib/http/read-json-body";
import { endpointParams, webhookCallerOfKey } from "@/lib/webhooks/api-caller";
import { deleteWebhookEndpoint, endpointView, findWebhookEndpointOrThrow, updateWebhookEndpoint } from "@/lib/webhooks/manage-endpoints";
import { updateWebhookEndpointInput } from "@/lib/webhooks/schemas";

export const dynamic = "force-dynamic";

export const GET = withApiKey(async (_request, { caller, params }) => NextResponse.json({ endpoint: endpointView(await findWebhookEndpointOrThrow(params.id, caller)) }), {
  scopes: ["webhooks"],
  params: endpointParams,
});

/** Changes the URL, description, event filter or enabled flag (the secret never changes here). */
export const PATCH = withApiKey(
  async (request, { caller, params, requestId }) => {
    const input = await readJsonBody(request, updateWebhookEndpointInput);
    return NextResponse.json({ endpoint: await updateWebhookEndpoint(params.id, input, webhookCallerOfKey(caller, requestId)) });
  },
  { scopes: ["webhooks"], params: endpointParams },
);

/** Removes the endpoint and its delivery log. */
export const DELETE = withApiKey(
  async (_request, { caller, params, requestId }) => {
    await deleteWebhookEndpoint(params.id, webhookCallerOfKey(caller, requestId));
    return new Response(null, { status: 204 });
  },
  { scopes: ["webhooks"], params: endpointParams },
);

export const { POST, PUT, OPTIONS } = otherMethods("GET", "PATCH", "DELETE");
