// Every Latchkey path the client calls and every field it sends or reads, in one table, so a check against
// Latchkey's OpenAPI document can walk it. The code builds its requests and reads its answers from here.
import type { HttpMethod } from "./types.js";

export interface LatchkeyEndpoint {
  method: HttpMethod;
  /** The path template; `{name}` segments are filled in (URL-encoded) by `endpointPath`. */
  path: string;
  /** Top-level JSON body fields the client may send. */
  requestFields: readonly string[];
  /** Top-level JSON fields the client reads from a success answer. */
  responseFields: readonly string[];
}

export const LATCHKEY_ENDPOINTS = {
  accessToken: {
    method: "POST",
    path: "/api/v1/authorizations/{authorizationId}/access-token",
    requestFields: ["rejectedToken"],
    responseFields: ["accessToken", "expiresAt", "region", "sellingPartnerId"],
  },
  restrictedDataToken: {
    method: "POST",
    path: "/api/v1/authorizations/{authorizationId}/restricted-data-token",
    requestFields: ["restrictedResources", "targetApplication"],
    responseFields: ["restrictedDataToken", "expiresAt", "region"],
  },
  grantlessToken: {
    method: "POST",
    path: "/api/v1/grantless-tokens",
    requestFields: ["scope"],
    responseFields: ["accessToken", "expiresAt", "scope"],
  },
  outcomes: {
    method: "POST",
    path: "/api/v1/outcomes",
    requestFields: ["outcomes"],
    responseFields: [],
  },
} as const satisfies Record<string, LatchkeyEndpoint>;

export type LatchkeyEndpointName = keyof typeof LATCHKEY_ENDPOINTS;

/**
 * The SP-API gateway's base path: the Amazon path follows it (`…/{authorizationId}/orders/v0/orders/…`), with
 * any method Amazon's operation takes.
 */
export const LATCHKEY_GATEWAY_PATH = "/api/v1/spapi/{authorizationId}";

/** `gatewayPath("a/b")` → `/api/v1/spapi/a%2Fb`. */
export function gatewayPath(authorizationId: string): string {
  return LATCHKEY_GATEWAY_PATH.replace("{authorizationId}", encodeURIComponent(authorizationId));
}

/** Fields of one restricted resource and one outcome, the nested objects the client sends. */
export const LATCHKEY_NESTED_FIELDS = {
  restrictedResource: ["method", "path", "dataElements"],
  outcome: ["authorizationId", "operation", "status", "latencyMs", "at"],
} as const;

/** Latchkey's error envelope: `{ "error": { "code", "message", "requestId" } }`, plus the headers the client reads. */
export const LATCHKEY_ERROR_FIELDS = { envelope: "error", fields: ["code", "message", "requestId"], requestIdHeader: "x-request-id", retryAfterHeader: "retry-after" } as const;

/** `endpointPath("accessToken", { authorizationId: "a/b" })` → `/api/v1/authorizations/a%2Fb/access-token`. */
export function endpointPath(name: LatchkeyEndpointName, params: Record<string, string> = {}): string {
  return LATCHKEY_ENDPOINTS[name].path.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = params[key];
    if (value === undefined) throw new TypeError(`endpointPath(${name}): ${key} is required`);
    return encodeURIComponent(value);
  });
}
