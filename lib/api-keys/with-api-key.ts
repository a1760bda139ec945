import "server-only";
import { routeHandler, type EdgeContext, type Handler, type RouteHandler, type RouteOptions, type RouteParams } from "@/lib/http/route-handler";
import { authenticateApiKey, type ApiCaller } from "./authenticate-api-key";
import { assertCallerAllowsTenant } from "./caller-allows-tenant";

export type ApiKeyContext<P = RouteParams> = EdgeContext<P> & {
  caller: ApiCaller;
  /** Throws 404 unless the key may act for `tenantId` (pass it to the token functions as `assertTenant`). */
  assertTenant: (tenantId: string) => void;
};

/**
 * The token API's edge: authenticate and rate-limit the API key (401/429 with Retry-After), then the
 * route params, then run the handler; errors are the one envelope.
 */
export function withApiKey<P = RouteParams>(handler: Handler<ApiKeyContext<P>>, options: RouteOptions<P> = {}): RouteHandler {
  return routeHandler(
    async (request) => {
      const caller = await authenticateApiKey(request.headers.get("authorization"));
      return { caller, assertTenant: (tenantId: string) => assertCallerAllowsTenant(caller, tenantId) };
    },
    handler,
    options,
  );
}
