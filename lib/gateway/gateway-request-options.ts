import "server-only";
import { z } from "zod";

/** How long a request may wait for its rate-limit slot unless it says otherwise (`x-latchkey-max-wait-ms`). */
export const DEFAULT_MAX_WAIT_MS = 10_000;

/** The gateway's own request headers, by name: the route reads them with this and the OpenAPI document shows them. */
export const gatewayRequestHeaders = z.object({
  "x-latchkey-max-wait-ms": z.coerce.number().int().min(0).max(60_000).default(DEFAULT_MAX_WAIT_MS).describe("How long the request may wait for its rate-limit slot, in ms (throttled answer after that)."),
  "x-latchkey-data-elements": z
    .string()
    .max(256)
    .transform((value) => value.split(",").map((element) => element.trim()).filter(Boolean))
    .default([])
    .describe("Comma-separated dataElements of the Restricted Data Token for a restricted operation (Orders: buyerInfo, shippingAddress, buyerTaxInformation)."),
  "x-latchkey-idempotent": z.enum(["true", "false"]).transform((value) => value === "true").optional().describe("Whether a 5xx or no answer may be replayed; default true for GET, PUT and DELETE, false for POST and PATCH."),
});

export interface GatewayRequestOptions {
  maxWaitMs: number;
  /** `dataElements` of the RDT for a restricted operation (Orders: buyerInfo, shippingAddress, buyerTaxInformation). */
  dataElements: string[];
  /** Whether a 5xx or no answer may be replayed: GET, PUT and DELETE are; POST and PATCH only when the caller says so. */
  idempotent: boolean;
}

const optional = (headers: Headers, name: string) => headers.get(name) ?? undefined;

/** The gateway's own request headers (`x-latchkey-*`), validated; they are never sent to Amazon. */
export function gatewayRequestOptions(method: string, headers: Headers): GatewayRequestOptions {
  const parsed = gatewayRequestHeaders.parse({
    "x-latchkey-max-wait-ms": optional(headers, "x-latchkey-max-wait-ms"),
    "x-latchkey-data-elements": optional(headers, "x-latchkey-data-elements"),
    "x-latchkey-idempotent": optional(headers, "x-latchkey-idempotent"),
  });
  return { maxWaitMs: parsed["x-latchkey-max-wait-ms"], dataElements: parsed["x-latchkey-data-elements"], idempotent: parsed["x-latchkey-idempotent"] ?? ["GET", "PUT", "DELETE"].includes(method) };
}
