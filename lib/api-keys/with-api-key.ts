import "server-only";
import { routeHandler, type EdgeContext, type Handler, type RouteHandler, type RouteOptions, type RouteParams } from "@/lib/http/route-handler";
import { authenticateApiKey, type ApiCaller } from "./authenticate-api-key";
import { assertCallerAllowsTenant } from "./caller-allows-tenant";
import { requireScopes } from "./require-scope";
import type { ApiKeyScope } from "./scopes";

export type ApiKeyContext<P = RouteParams> = EdgeContext<P> & {
  caller: ApiCaller;
  /** Throws 404 unless the key may act for `tenantId` (pass it to the token functions as `assertTenant`). */
  assertTenant: (tenantId: string) => void;
};

export interface ApiKeyOptions<P> extends RouteOptions<P> {
  /** The scopes the key must hold (403 `insufficient_scope` otherwise). */
  scopes: readonly ApiKeyScope[];
}

/**
 * The token API's edge: authenticate and rate-limit the API key (401/429 with Retry-After), check its
 * scopes (403), then the route params (404), then run the handler; errors are the one envelope.
 */
export function withApiKey<P = RouteParams>(handler: Handler<ApiKeyContext<P>>, options: ApiKeyOptions<P>): RouteHandler {
  return routeHandler(
    async (request) => {
      const caller = await authenticateApiKey(request.headers.get("authorization"));
      requireScopes(caller, options.scopes);
      return { caller, assertTenant: (tenantId: string) => assertCallerAllowsTenant(caller, tenantId) };
    },
    handler,
    options,
  );
}
