import { NextResponse } from "next/server";
import { withApiKey } from "@/lib/api-keys/with-api-key";
import { otherMethods } from "@/lib/http/other-methods";
import { deliveryParams } from "@/lib/webhooks/api-caller";
import { redeliverWebhook } from "@/lib/webhooks/endpoint-deliveries";

export const dynamic = "force-dynamic";

/** "Send again": a new delivery of the same event (same body and event id), attempted now; its outcome is the answer. */
export const POST = withApiKey(async (_request, { caller, params }) => NextResponse.json({ delivery: await redeliverWebhook(params.id, params.deliveryId, caller) }, { status: 201 }), {
  scopes: ["webhooks"],
  params: deliveryParams,
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
