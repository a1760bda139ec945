import { z } from "zod";
import { withApiKey } from "@/lib/api-keys/with-api-key";
import { idSchema } from "@/lib/http/ids";
import { forwardSpApiRequest } from "@/lib/gateway/forward-sp-api-request";

export const dynamic = "force-dynamic";

/** The SP-API gateway: `…/api/v1/spapi/{authorizationId}` is an SDK's endpoint (README, "SP-API gateway"). */
const handler = withApiKey(
  (request, { caller, params, requestId }) => forwardSpApiRequest({ request, authorizationId: params.authorizationId, caller, requestId, signal: request.signal }),
  { scopes: ["gateway"], params: z.object({ authorizationId: idSchema, path: z.array(z.string()) }) },
);

export const GET = handler;
export const POST = handler;
export const PUT = handler;
export const PATCH = handler;
export const DELETE = handler;
