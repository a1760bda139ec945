import "server-only";
import { z } from "zod";

/** How long a request may wait for its rate-limit slot unless it says otherwise (`x-latchkey-max-wait-ms`). */
export const DEFAULT_MAX_WAIT_MS = 10_000;

const headersSchema = z.object({
  maxWaitMs: z.coerce.number().int().min(0).max(60_000).default(DEFAULT_MAX_WAIT_MS),
  dataElements: z
    .string()
    .max(256)
    .transform((value) => value.split(",").map((element) => element.trim()).filter(Boolean))
    .default([]),
  idempotent: z.enum(["true", "false"]).transform((value) => value === "true").optional(),
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
  const parsed = headersSchema.parse({
    maxWaitMs: optional(headers, "x-latchkey-max-wait-ms"),
    dataElements: optional(headers, "x-latchkey-data-elements"),
    idempotent: optional(headers, "x-latchkey-idempotent"),
  });
  return { maxWaitMs: parsed.maxWaitMs, dataElements: parsed.dataElements, idempotent: parsed.idempotent ?? ["GET", "PUT", "DELETE"].includes(method) };
}
