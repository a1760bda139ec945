import "server-only";
// Session wrappers for route handlers (STYLE rule 4), on the one guard core of `lib/http`: each resolves
// the caller and checks the role or tenant; anything thrown becomes the one error response.
//
//   export const GET = withTenant(async (request, { tenantId, params }) => Response.json(await getX(tenantId, params.id)));
import { AppError } from "@/lib/errors";
import { routeHandler, type EdgeContext, type Handler, type RouteHandler, type RouteOptions, type RouteParams } from "@/lib/http/route-handler";
import { authorizeAdmin, authorizeTenant, authorizeUser, type TenantUser } from "./authorize";
import type { CurrentUser } from "./current-user";

export type { RouteContext, RouteParams } from "@/lib/http/route-handler";

export type UserContext<P = RouteParams> = EdgeContext<P> & { user: CurrentUser };
export type TenantContext<P = RouteParams> = EdgeContext<P> & { user: TenantUser; tenantId: string };

/** Any signed-in user; 401 otherwise. */
export function withUser<P = RouteParams>(handler: Handler<UserContext<P>>, options: RouteOptions<P> = {}): RouteHandler {
  return routeHandler(async () => ({ user: await authorizeUser() }), handler, options);
}

/**
 * Admin sessions only; 401 without a session, 404 for everyone else. A request carrying an Authorization
 * header (a worker's API key, a probe token) is not even told the route exists: admins use cookies.
 */
export function withAdmin<P = RouteParams>(handler: Handler<UserContext<P>>, options: RouteOptions<P> = {}): RouteHandler {
  return routeHandler(
    async (request) => {
      if (request.headers.has("authorization")) throw new AppError("not_found");
      return { user: await authorizeAdmin() };
    },
    handler,
    options,
  );
}

/** A user linked to a tenant, with that tenant's id from the session; 401 without a session, 404 without a tenant. */
export function withTenant<P = RouteParams>(handler: Handler<TenantContext<P>>, options: RouteOptions<P> = {}): RouteHandler {
  return routeHandler(
    async () => {
      const user = await authorizeTenant();
      return { user, tenantId: user.tenantId };
    },
    handler,
    options,
  );
}
