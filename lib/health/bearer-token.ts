import "server-only";
// Token-protected machine endpoints (/api/health/authz, /api/metrics): unset token = the endpoint does not
// exist (404); set = `Authorization: Bearer <token>` or 401. Compared in constant time.
import { createHash, timingSafeEqual } from "node:crypto";
import { requestIdFrom } from "@/lib/auth/request-id";
import { AppError, toErrorResponse } from "@/lib/errors";

function digest(value: string): Buffer {
  return createHash("sha256").update(value, "utf8").digest();
}

export function requireBearerToken(request: Request, expected: string | undefined): void {
  if (!expected) throw new AppError("not_found");
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match || !timingSafeEqual(digest(match[1]!), digest(expected))) {
    throw new AppError("unauthenticated", "Send the configured token as `Authorization: Bearer <token>`.");
  }
}

/**
 * A route handler for a token-protected machine endpoint: checks the bearer token, runs `handler`, and
 * turns anything thrown into the API's one error body.
 */
export function withBearerToken(token: () => string | undefined, handler: (request: Request, requestId: string) => Promise<Response>) {
  return async (request: Request): Promise<Response> => {
    const requestId = requestIdFrom(request.headers);
    try {
      requireBearerToken(request, token());
      return await handler(request, requestId);
    } catch (error) {
      const { status, body } = toErrorResponse(error, requestId);
      return Response.json(body, { status, headers: { "x-request-id": requestId, "cache-control": "no-store" } });
    }
  };
}
