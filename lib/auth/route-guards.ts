import "server-only";
// Wrappers for route handlers (STYLE rule 4): each resolves the caller, checks the role or tenant, and
// turns anything thrown into the one error body `{ "error": { "code", "message", "requestId" } }`.
//
//   export const GET = withTenant(async (request, { tenantId, params }) => Response.json(await getX(tenantId, params.id)));
import { unstable_rethrow } from "next/navigation";
import { toErrorResponse } from "@/lib/errors";
import { authorizeAdmin, authorizeTenant, authorizeUser, type TenantUser } from "./authorize";
import type { CurrentUser } from "./current-user";
import { requestIdFrom } from "./request-id";

export type RouteParams = Record<string, string | string[] | undefined>;

/** What Next passes a route handler as its second argument. */
export interface RouteContext<P extends RouteParams> {
  params: Promise<P>;
}

export interface GuardContext<P extends RouteParams> {
  params: P;
  requestId: string;
}

export type UserContext<P extends RouteParams> = GuardContext<P> & { user: CurrentUser };
export type TenantContext<P extends RouteParams> = GuardContext<P> & { user: TenantUser; tenantId: string };

type Handler<C> = (request: Request, context: C) => Response | Promise<Response>;
type RouteHandler<P extends RouteParams> = (request: Request, context: RouteContext<P>) => Promise<Response>;

/** The error as the API's JSON body, with its status and the request id in a header. */
export function errorResponse(error: unknown, requestId: string): Response {
  const { status, body } = toErrorResponse(error, requestId);
  return Response.json(body, { status, headers: { "x-request-id": requestId } });
}

function guard<P extends RouteParams, C>(resolve: (base: GuardContext<P>) => Promise<C>, handler: Handler<C>): RouteHandler<P> {
  return async (request, context) => {
    const requestId = requestIdFrom(request.headers);
    try {
      const params = ((await context?.params) ?? {}) as P;
      return await handler(request, await resolve({ params, requestId }));
    } catch (error) {
      // redirect() and notFound() are Next's control flow, not errors.
      unstable_rethrow(error);
      return errorResponse(error, requestId);
    }
  };
}

/** Any signed-in user; 401 otherwise. */
export function withUser<P extends RouteParams = RouteParams>(handler: Handler<UserContext<P>>): RouteHandler<P> {
  return guard(async (base) => ({ ...base, user: await authorizeUser() }), handler);
}

/** Admins only; 401 without a session, 404 for everyone else. */
export function withAdmin<P extends RouteParams = RouteParams>(handler: Handler<UserContext<P>>): RouteHandler<P> {
  return guard(async (base) => ({ ...base, user: await authorizeAdmin() }), handler);
}

/** A user linked to a tenant, with that tenant's id from the session; 401 without a session, 404 without a tenant. */
export function withTenant<P extends RouteParams = RouteParams>(handler: Handler<TenantContext<P>>): RouteHandler<P> {
  return guard(async (base) => {
    const user = await authorizeTenant();
    return { ...base, user, tenantId: user.tenantId };
  }, handler);
}
