import "server-only";
// The SP-API gateway's one handler (README, "SP-API gateway"): the route file serves it through Next's
// router, and proxy.ts answers gateway requests with it before the router on a Node server.
import { z } from "zod";
import { withApiKey } from "@/lib/api-keys/with-api-key";
import { idSchema } from "@/lib/http/ids";
import { forwardSpApiRequest } from "./forward-sp-api-request";

export const gatewayHandler = withApiKey(
  (request, { caller, params, requestId }) => forwardSpApiRequest({ request, authorizationId: params.authorizationId, caller, requestId, signal: request.signal }),
  { scopes: ["gateway"], params: z.object({ authorizationId: idSchema, path: z.array(z.string()) }) },
);
