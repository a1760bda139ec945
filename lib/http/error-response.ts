import "server-only";
// The one builder of error responses (STYLE rule 6): every route handler and guard answers an error with
// `{ "error": { "code", "message", "requestId", "details"? } }`, `cache-control: no-store`, the request id
// in `x-request-id`, and `Retry-After` when the AppError says when to come back.
import { isAppError, toErrorResponse } from "@/lib/errors";

export function errorResponse(error: unknown, requestId: string, headers: Record<string, string> = {}): Response {
  const { status, body } = toErrorResponse(error, requestId);
  const response = Response.json(body, { status, headers: { ...headers, "cache-control": "no-store", "x-request-id": requestId } });
  const retryAfter = isAppError(error) ? error.retryAfterSeconds : undefined;
  if (retryAfter !== undefined) response.headers.set("retry-after", String(retryAfter));
  return response;
}
