import { NextResponse } from "next/server";
import { withApiKey } from "@/lib/api-keys/with-api-key";
import { otherMethods } from "@/lib/http/other-methods";
import { endpointParams } from "@/lib/webhooks/api-caller";
import { sendTestWebhook } from "@/lib/webhooks/endpoint-deliveries";

export const dynamic = "force-dynamic";

/** "Send test event": a signed `webhook.test` event to this endpoint, attempted now; its outcome is the answer. */
export const POST = withApiKey(async (_request, { caller, params }) => NextResponse.json({ delivery: await sendTestWebhook(params.id, caller) }, { status: 201 }), {
  scopes: ["webhooks"],
  params: endpointParams,
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
