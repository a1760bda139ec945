import "server-only";
// The guard core under every route handler wrapper (withApiKey, withBearerToken, withAdmin, …): find the
// request id, resolve the caller, check the route params against their zod shape (a mismatch is 404: no
// such record), run the handler, stamp `x-request-id` and `cache-control: no-store`, and turn anything
// thrown into the one error response.
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { requestIdFrom } from "@/lib/http/request-id";
import { AppError } from "@/lib/errors";
import { errorResponse } from "./error-response";

export type RouteParams = Record<string, string | string[] | undefined>;

/** What Next passes a route handler as its second argument (optional: tests call some with the request only). */
export interface RouteContext<P extends RouteParams = RouteParams> {
  params: Promise<P>;
}

export type RouteHandler = (request: Request, context?: RouteContext) => Promise<Response>;

export interface EdgeContext<P> {
  params: P;
  requestId: string;
}

export type Handler<C> = (request: Request, context: C) => Response | Promise<Response>;

export interface RouteOptions<P> {
  /** The params' shape, e.g. `idParams`; params that do not match answer 404 `not_found`. */
  params?: z.ZodType<P>;
}

async function parseParams<P>(context: RouteContext | undefined, schema: z.ZodType<P> | undefined): Promise<P> {
  const raw: RouteParams = (await context?.params) ?? {};
  if (!schema) return raw as P;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new AppError("not_found");
  return parsed.data;
}

/** The request id and `no-store` (unless the handler chose its caching) on a handler's answer. */
function stamp(response: Response, requestId: string): Response {
  try {
    response.headers.set("x-request-id", requestId);
  } catch {
    // Response.redirect() and fetched responses have immutable headers: answer with a copy.
    return stamp(new Response(response.body, response), requestId);
  }
  if (!response.headers.has("cache-control")) response.headers.set("cache-control", "no-store");
  return response;
}

/**
 * A route handler from `resolve` (who is calling; throws to refuse) and `handler`. The caller is resolved
 * before the params are looked at, so an outsider learns nothing about ids.
 */
export function routeHandler<P, Caller extends object>(
  resolve: (request: Request, requestId: string) => Promise<Caller>,
  handler: Handler<Caller & EdgeContext<P>>,
  options: RouteOptions<P> = {},
): RouteHandler {
  return async (request, context) => {
    const requestId = requestIdFrom(request.headers);
    try {
      const caller = await resolve(request, requestId);
      const params = await parseParams(context, options.params);
      return stamp(await handler(request, { ...caller, params, requestId }), requestId);
    } catch (error) {
      // redirect() and notFound() are Next's control flow, not errors.
      unstable_rethrow(error);
      return errorResponse(error, requestId);
    }
  };
}

/** A route anyone may call (its own lib authenticates, e.g. a signed body). */
export function publicRoute<P = RouteParams>(handler: Handler<EdgeContext<P>>, options: RouteOptions<P> = {}): RouteHandler {
  return routeHandler(async () => ({}), handler, options);
}
