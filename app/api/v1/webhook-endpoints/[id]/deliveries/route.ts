import { NextResponse } from "next/server";
import { withApiKey } from "@/lib/api-keys/with-api-key";
import { otherMethods } from "@/lib/http/other-methods";
import { endpointParams, readDeliveriesQuery } from "@/lib/webhooks/api-caller";
import { listEndpointDeliveries } from "@/lib/webhooks/endpoint-deliveries";

export const dynamic = "force-dynamic";

/** The endpoint's delivery log, newest first (`?status=`, `?limit=` up to 100, `?cursor=` the last id of the previous page). */
export const GET = withApiKey(async (request, { caller, params }) => NextResponse.json(await listEndpointDeliveries(params.id, caller, readDeliveriesQuery(request))), {
  scopes: ["webhooks"],
  params: endpointParams,
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
