import { NextResponse } from "next/server";
import { withApiKey } from "@/lib/api-keys/with-api-key";
import { otherMethods } from "@/lib/http/other-methods";
import { readJsonBody } from "@/lib/http/read-json-body";
import { webhookCallerOfKey } from "@/lib/webhooks/api-caller";
import { createWebhookEndpoint, listWebhookEndpoints } from "@/lib/webhooks/manage-endpoints";
import { createWebhookEndpointInput } from "@/lib/webhooks/schemas";

export const dynamic = "force-dynamic";

/** The endpoints this key may see (a tenant-limited key: only its tenants'). */
export const GET = withApiKey(async (_request, { caller }) => NextResponse.json({ endpoints: await listWebhookEndpoints(caller) }), { scopes: ["webhooks"] });

/** Registers an endpoint; the answer holds its signing secret, this once. */
export const POST = withApiKey(
  async (request, { caller, requestId }) => {
    const input = await readJsonBody(request, createWebhookEndpointInput);
    return NextResponse.json(await createWebhookEndpoint(input, webhookCallerOfKey(caller, requestId)), { status: 201 });
  },
  { scopes: ["webhooks"] },
);

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET", "POST");
