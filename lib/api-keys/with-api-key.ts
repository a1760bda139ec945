import "server-only";
import { type NextRequest, NextResponse } from "next/server";
import { requestIdFrom } from "@/lib/auth/request-id";
import { toErrorResponse, isAppError } from "@/lib/errors";
import { authenticateApiKey, type ApiCaller } from "./authenticate-api-key";

type Params = Record<string, string>;
type Handler<P extends Params> = (request: NextRequest, context: { caller: ApiCaller; params: P; requestId: string }) => Promise<Response>;

/**
 * The token API's edge: authenticate the API key, rate-limit it, run the handler, and turn any error
 * into `{ error: { code, message, requestId } }` with its status (and Retry-After when throttled).
 */
export function withApiKey<P extends Params = Params>(handler: Handler<P>) {
  return async (request: NextRequest, context: { params: Promise<P> }): Promise<Response> => {
    const requestId = requestIdFrom(request.headers);
    try {
      const caller = await authenticateApiKey(request.headers.get("authorization"));
      const response = await handler(request, { caller, params: await context.params, requestId });
      response.headers.set("x-request-id", requestId);
      response.headers.set("cache-control", "no-store");
      return response;
    } catch (error) {
      const { status, body } = toErrorResponse(error, requestId);
      const response = NextResponse.json(body, { status, headers: { "x-request-id": requestId, "cache-control": "no-store" } });
      const retryAfter = isAppError(error) ? error.details?.retryAfterSeconds : undefined;
      if (typeof retryAfter === "number") response.headers.set("retry-after", String(retryAfter));
      return response;
    }
  };
}
