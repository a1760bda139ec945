import "server-only";
// Token-protected machine endpoints (/api/health/authz, /api/metrics): unset token = the endpoint does not
// exist (404); set = `Authorization: Bearer <token>` or 401. Compared in constant time.
import { createHash, timingSafeEqual } from "node:crypto";
import { AppError } from "@/lib/errors";
import { routeHandler, type EdgeContext, type Handler, type RouteHandler, type RouteParams } from "@/lib/http/route-handler";

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

/** A route handler for a token-protected machine endpoint; `token` is read per request (the env can change in tests). */
export function withBearerToken(handler: Handler<EdgeContext<RouteParams>>, options: { token: () => string | undefined }): RouteHandler {
  return routeHandler(async (request) => {
    requireBearerToken(request, options.token());
    return {};
  }, handler);
}
