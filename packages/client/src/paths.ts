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
  /** Query parameters the client may send (list calls). */
  queryFields?: readonly string[];
  /** Request headers the client may send besides authorization/accept/content-type/user-agent. */
  headers?: readonly string[];
}

const TENANT_FIELDS = ["id", "externalId", "name", "kind", "contactEmail", "metadata", "marketplaceIds", "quarantinedAt", "createdAt", "updatedAt"] as const;
const TENANT_WRITE_FIELDS = ["name", "contactEmail", "externalId", "metadata", "marketplaceIds"] as const;
const PAGE_FIELDS = ["data", "nextCursor"] as const;
const AUTHORIZATION_FIELDS = ["id", "tenantId", "tenantExternalId", "region", "sellingPartnerId", "status", "createdAt"] as const;

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
  // --- management API (scope `management`) ---
  createTenant: {
    method: "POST",
    path: "/api/v1/tenants",
    requestFields: [...TENANT_WRITE_FIELDS, "kind"],
    responseFields: TENANT_FIELDS,
    headers: ["idempotency-key"],
  },
  listTenants: {
    method: "GET",
    path: "/api/v1/tenants",
    requestFields: [],
    responseFields: PAGE_FIELDS,
    queryFields: ["limit", "cursor", "kind", "externalId", "contactEmail"],
  },
  getTenant: { method: "GET", path: "/api/v1/tenants/{id}", requestFields: [], responseFields: TENANT_FIELDS },
  updateTenant: { method: "PATCH", path: "/api/v1/tenants/{id}", requestFields: TENANT_WRITE_FIELDS, responseFields: TENANT_FIELDS },
  getTenantByExternalId: { method: "GET", path: "/api/v1/tenants/by-external-id/{externalId}", requestFields: [], responseFields: TENANT_FIELDS },
  listAuthorizations: {
    method: "GET",
    path: "/api/v1/authorizations",
    requestFields: [],
    responseFields: PAGE_FIELDS,
    queryFields: ["limit", "cursor", "tenantId", "externalId", "sellingPartnerId", "region", "status"],
  },
  getAuthorization: { method: "GET", path: "/api/v1/authorizations/{id}", requestFields: [], responseFields: [...AUTHORIZATION_FIELDS, "tenant"] },
  createConnectLink: {
    method: "POST",
    path: "/api/v1/connect-links",
    requestFields: ["tenantId", "externalId", "region", "flow", "returnUrl", "marketplaceId"],
    responseFields: ["id", "url", "expiresAt", "tenantId", "region", "flow"],
    headers: ["idempotency-key"],
  },
  // --- webhook endpoints (scope `webhooks`) ---
  listWebhookEndpoints: { method: "GET", path: "/api/v1/webhook-endpoints", requestFields: [], responseFields: ["endpoints"] },
  createWebhookEndpoint: { method: "POST", path: "/api/v1/webhook-endpoints", requestFields: ["url", "description", "eventTypes", "tenantId", "enabled"], responseFields: ["endpoint", "secret"] },
  getWebhookEndpoint: { method: "GET", path: "/api/v1/webhook-endpoints/{id}", requestFields: [], responseFields: ["endpoint"] },
  updateWebhookEndpoint: { method: "PATCH", path: "/api/v1/webhook-endpoints/{id}", requestFields: ["url", "description", "eventTypes", "enabled"], responseFields: ["endpoint"] },
  deleteWebhookEndpoint: { method: "DELETE", path: "/api/v1/webhook-endpoints/{id}", requestFields: [], responseFields: [] },
  listWebhookDeliveries: {
    method: "GET",
    path: "/api/v1/webhook-endpoints/{id}/deliveries",
    requestFields: [],
    responseFields: ["deliveries", "nextCursor"],
    queryFields: ["status", "limit", "cursor"],
  },
  sendTestWebhook: { method: "POST", path: "/api/v1/webhook-endpoints/{id}/test", requestFields: [], responseFields: ["delivery"] },
  redeliverWebhook: { method: "POST", path: "/api/v1/webhook-endpoints/{id}/deliveries/{deliveryId}/redeliver", requestFields: [], responseFields: ["delivery"] },
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
