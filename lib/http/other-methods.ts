import "server-only";
// What an `/api/v1` route answers to the methods it does not serve: 405 with the error envelope and an
// `Allow` header (Next's own 405 is empty), and OPTIONS → 204 with `Allow`. Export it beside the route's
// own handlers: `export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");`
import { requestIdFrom } from "@/lib/http/request-id";
import { AppError } from "@/lib/errors";
import { errorResponse } from "./error-response";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Method = (typeof METHODS)[number];

type Handler = (request: Request) => Response;

export function otherMethods<const A extends Method>(...allowed: A[]): Record<Exclude<Method, A> | "OPTIONS", Handler> {
  const allow = [...allowed, ...(allowed.includes("GET" as A) ? ["HEAD"] : []), "OPTIONS"].join(", ");
  const refuse: Handler = (request) => errorResponse(new AppError("method_not_allowed", `Use ${allowed.join(" or ")}.`), requestIdFrom(request.headers), { allow });
  const handlers: Partial<Record<Method | "OPTIONS", Handler>> = {
    OPTIONS: () => new Response(null, { status: 204, headers: { allow, "cache-control": "no-store" } }),
  };
  for (const method of METHODS) if (!allowed.includes(method as A)) handlers[method] = refuse;
  return handlers as Record<Exclude<Method, A> | "OPTIONS", Handler>;
}
