import "server-only";
// Every `/api/v1` operation, in the order the document lists them. A new route adds one entry here, built
// from the zod schemas its handler uses (see api-operation.ts); the contract test fails until it does.
import { z } from "zod";
import { restrictedResourcesInput } from "@/lib/amazon/tokens-api";
import { grantlessTokenAnswer, grantlessTokenInput } from "@/lib/app-client/grantless-token-answers";
import { gatewayRequestHeaders } from "@/lib/gateway/gateway-request-options";
import { pingAnswer } from "@/lib/health/ping-answer";
import { idSchema } from "@/lib/http/ids";
import {
  authorizationDetailResponse,
  authorizationListResponse,
  connectLinkResponse,
  createConnectLinkBody,
  createTenantBody,
  externalIdSchema,
  idempotencyKeySchema,
  listAuthorizationsQuery,
  listTenantsQuery,
  tenantListResponse,
  tenantResponse,
  updateTenantBody,
} from "@/lib/management/schemas";
import { outcomesAnswer, outcomesInput } from "@/lib/monitoring/outcomes-schemas";
import { accessTokenAnswer, accessTokenInput, restrictedDataTokenAnswer } from "@/lib/tokens/token-answers";
import {
  createdWebhookEndpointResponse,
  createWebhookEndpointInput,
  listDeliveriesQuery,
  updateWebhookEndpointInput,
  webhookDeliveryListResponse,
  webhookDeliveryResponse,
  webhookEndpointListResponse,
  webhookEndpointResponse,
} from "@/lib/webhooks/schemas";
import type { ApiOperation, ApiResponseDoc } from "./api-operation";

const authorizationId = { schema: idSchema, description: "The authorization's id (admin page, or the management API)." };

/** Why a token for one authorization can be refused (the token functions' AppErrors). */
const AUTHORIZATION_TOKEN_ERRORS = [
  "not_found",
  "authorization_pending",
  "authorization_revoked",
  "reauthorization_required",
  "identity_conflict",
  "tenant_quarantined",
  "amazon_unavailable",
  "app_client_rejected",
  "vault_decrypt_failed",
  "vault_key_unavailable",
  "config_error",
] as const;

const JSON_BODY_ERRORS = ["bad_request", "payload_too_large", "invalid_input"] as const;

const tenantId = { schema: idSchema, description: "The tenant's id." };
const endpointId = { schema: idSchema, description: "The webhook endpoint's id." };

/** `Idempotency-Key` on creates: a retry with the same key and body returns the first answer (24 hours). */
const idempotencyHeaders = z.object({
  "Idempotency-Key": idempotencyKeySchema
    .optional()
    .describe("Makes a retry safe: the same key with the same body returns the first answer (with `idempotent-replayed: true`) for 24 hours; with another body it is 422 `idempotency_key_reused`."),
});
const IDEMPOTENCY_ERRORS = ["idempotency_key_reused", "idempotency_in_progress"] as const;
const replayedHeader: ApiResponseDoc["headers"] = {
  "idempotent-replayed": { description: "`true` when this is the stored answer of an earlier request with the same Idempotency-Key.", schema: { type: "string", enum: ["true"] } },
};

const managementOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/tenants",
    operationId: "listTenants",
    summary: "List tenants",
    description: "The tenants the key may see, newest first, filtered by kind, externalId or contact email; `nextCursor` pages on.",
    tags: ["Tenants"],
    auth: "apiKey",
    scopes: ["management"],
    query: listTenantsQuery,
    responses: { 200: { description: "A page of tenants.", schema: tenantListResponse } },
    errors: ["invalid_input"],
  },
  {
    method: "post",
    path: "/api/v1/tenants",
    operationId: "createTenant",
    summary: "Create a tenant",
    description: "A key limited to some tenants cannot create tenants (403).",
    tags: ["Tenants"],
    auth: "apiKey",
    scopes: ["management"],
    requestHeaders: idempotencyHeaders,
    body: { schema: createTenantBody, required: true },
    responses: { 201: { description: "The new tenant.", schema: tenantResponse, headers: replayedHeader } },
    errors: [...JSON_BODY_ERRORS, "forbidden", "external_id_taken", ...IDEMPOTENCY_ERRORS],
  },
  {
    method: "get",
    path: "/api/v1/tenants/{id}",
    operationId: "getTenant",
    summary: "One tenant",
    tags: ["Tenants"],
    auth: "apiKey",
    scopes: ["management"],
    pathParams: { id: tenantId },
    responses: { 200: { description: "The tenant.", schema: tenantResponse } },
    errors: ["not_found"],
  },
  {
    method: "patch",
    path: "/api/v1/tenants/{id}",
    operationId: "updateTenant",
    summary: "Change a tenant",
    description: "Changes the fields sent; `metadata` replaces the whole object, `null` removes `externalId` or `metadata`.",
    tags: ["Tenants"],
    auth: "apiKey",
    scopes: ["management"],
    pathParams: { id: tenantId },
    body: { schema: updateTenantBody, required: true },
    responses: { 200: { description: "The tenant as changed.", schema: tenantResponse } },
    errors: [...JSON_BODY_ERRORS, "not_found", "external_id_taken"],
  },
  {
    method: "get",
    path: "/api/v1/tenants/by-external-id/{externalId}",
    operationId: "getTenantByExternalId",
    summary: "One tenant by its externalId",
    description: "The integrator's own id (also `GET /api/v1/tenants?externalId=…`).",
    tags: ["Tenants"],
    auth: "apiKey",
    scopes: ["management"],
    pathParams: { externalId: { schema: externalIdSchema, description: "The tenant's externalId." } },
    responses: { 200: { description: "The tenant.", schema: tenantResponse } },
    errors: ["not_found"],
  },
  {
    method: "get",
    path: "/api/v1/authorizations",
    operationId: "listAuthorizations",
    summary: "List authorizations",
    description: "The authorizations the key may see, newest first, by tenant, externalId, sellingPartnerId, region or status; `nextCursor` pages on. Never a token.",
    tags: ["Authorizations"],
    auth: "apiKey",
    scopes: ["management"],
    query: listAuthorizationsQuery,
    responses: { 200: { description: "A page of authorizations.", schema: authorizationListResponse } },
    errors: ["invalid_input"],
  },
  {
    method: "get",
    path: "/api/v1/authorizations/{id}",
    operationId: "getAuthorization",
    summary: "One authorization in detail",
    description: "What the admin detail page shows: status, token freshness, roles ledger, recent outcomes, history (never a token).",
    tags: ["Authorizations"],
    auth: "apiKey",
    scopes: ["management"],
    pathParams: { id: authorizationId },
    responses: { 200: { description: "The authorization.", schema: authorizationDetailResponse } },
    errors: ["not_found"],
  },
  {
    method: "post",
    path: "/api/v1/connect-links",
    operationId: "createConnectLink",
    summary: "A connect link for a partner",
    description: "A single-use, expiring link for a partner to connect (or reauthorize) one tenant in one region without a Latchkey account.",
    tags: ["Connect links"],
    auth: "apiKey",
    scopes: ["management"],
    requestHeaders: idempotencyHeaders,
    body: { schema: createConnectLinkBody, required: true },
    responses: { 201: { description: "The link.", schema: connectLinkResponse, headers: replayedHeader } },
    errors: [...JSON_BODY_ERRORS, "not_found", "return_url_not_allowed", "already_connected", "not_connected", ...IDEMPOTENCY_ERRORS, "vault_decrypt_failed", "vault_key_unavailable"],
  },
];

const webhookOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/webhook-endpoints",
    operationId: "listWebhookEndpoints",
    summary: "List webhook endpoints",
    description: "The endpoints this key may see (a key limited to tenants: only its tenants').",
    tags: ["Webhooks"],
    auth: "apiKey",
    scopes: ["webhooks"],
    responses: { 200: { description: "The endpoints.", schema: webhookEndpointListResponse } },
    errors: [],
  },
  {
    method: "post",
    path: "/api/v1/webhook-endpoints",
    operationId: "createWebhookEndpoint",
    summary: "Register a webhook endpoint",
    description: "The answer holds the endpoint's signing secret, this once. A key limited to tenants must give one of its tenants as `tenantId`.",
    tags: ["Webhooks"],
    auth: "apiKey",
    scopes: ["webhooks"],
    body: { schema: createWebhookEndpointInput, required: true },
    responses: { 201: { description: "The endpoint and its signing secret.", schema: createdWebhookEndpointResponse } },
    errors: [...JSON_BODY_ERRORS, "not_found", "vault_key_unavailable"],
  },
  {
    method: "get",
    path: "/api/v1/webhook-endpoints/{id}",
    operationId: "getWebhookEndpoint",
    summary: "One webhook endpoint",
    tags: ["Webhooks"],
    auth: "apiKey",
    scopes: ["webhooks"],
    pathParams: { id: endpointId },
    responses: { 200: { description: "The endpoint (never its secret).", schema: webhookEndpointResponse } },
    errors: ["not_found"],
  },
  {
    method: "patch",
    path: "/api/v1/webhook-endpoints/{id}",
    operationId: "updateWebhookEndpoint",
    summary: "Change a webhook endpoint",
    description: "The URL, description, event filter or enabled flag (the secret never changes here).",
    tags: ["Webhooks"],
    auth: "apiKey",
    scopes: ["webhooks"],
    pathParams: { id: endpointId },
    body: { schema: updateWebhookEndpointInput, required: true },
    responses: { 200: { description: "The endpoint as changed.", schema: webhookEndpointResponse } },
    errors: [...JSON_BODY_ERRORS, "not_found"],
  },
  {
    method: "delete",
    path: "/api/v1/webhook-endpoints/{id}",
    operationId: "deleteWebhookEndpoint",
    summary: "Remove a webhook endpoint",
    description: "Removes the endpoint and its delivery log.",
    tags: ["Webhooks"],
    auth: "apiKey",
    scopes: ["webhooks"],
    pathParams: { id: endpointId },
    responses: { 204: { description: "Removed." } },
    errors: ["not_found"],
  },
  {
    method: "get",
    path: "/api/v1/webhook-endpoints/{id}/deliveries",
    operationId: "listWebhookDeliveries",
    summary: "An endpoint's delivery log",
    description: "Newest first; `cursor` is the last delivery id of the previous page.",
    tags: ["Webhooks"],
    auth: "apiKey",
    scopes: ["webhooks"],
    pathParams: { id: endpointId },
    query: listDeliveriesQuery,
    responses: { 200: { description: "A page of deliveries.", schema: webhookDeliveryListResponse } },
    errors: ["not_found", "invalid_input"],
  },
  {
    method: "post",
    path: "/api/v1/webhook-endpoints/{id}/test",
    operationId: "sendTestWebhook",
    summary: "Send a test event",
    description: "A signed `webhook.test` event to this endpoint, attempted now; the delivery's outcome is the answer.",
    tags: ["Webhooks"],
    auth: "apiKey",
    scopes: ["webhooks"],
    pathParams: { id: endpointId },
    responses: { 201: { description: "The test delivery, after its first attempt.", schema: webhookDeliveryResponse } },
    errors: ["not_found"],
  },
  {
    method: "post",
    path: "/api/v1/webhook-endpoints/{id}/deliveries/{deliveryId}/redeliver",
    operationId: "redeliverWebhook",
    summary: "Send a delivery again",
    description: "A new delivery of the same event (same body and event id), attempted now; its outcome is the answer.",
    tags: ["Webhooks"],
    auth: "apiKey",
    scopes: ["webhooks"],
    pathParams: { id: endpointId, deliveryId: { schema: idSchema, description: "The delivery to send again." } },
    responses: { 201: { description: "The new delivery, after its first attempt.", schema: webhookDeliveryResponse } },
    errors: ["not_found"],
  },
];


const gatewayAnswerHeaders: ApiResponseDoc["headers"] = {
  "x-latchkey-request-id": { description: "Latchkey's request id (also `x-request-id`).", schema: { type: "string" } },
  "x-latchkey-operation": { description: "The SP-API operation Latchkey matched (Amazon's operationId).", schema: { type: "string" } },
  "x-latchkey-attempts": { description: "How many calls to Amazon this answer took (retries of 5xx and throttling).", schema: { type: "integer" } },
};

const gatewayAmazonAnswer: ApiResponseDoc = {
  description: "Amazon's own failure, passed through with its status and body; `x-latchkey-error-kind` classifies it.",
  anyBody: true,
  headers: {
    ...gatewayAnswerHeaders,
    "x-latchkey-error-kind": { description: "unauthorized, missing_token, forbidden, throttled, unavailable or rejected.", schema: { type: "string", enum: ["unauthorized", "missing_token", "forbidden", "throttled", "unavailable", "rejected"] } },
    "retry-after": { description: "Seconds to wait, on a throttled answer.", schema: { type: "integer" } },
  },
};

const GATEWAY_METHODS = ["get", "post", "put", "patch", "delete"] as const;

const gatewayOperations: ApiOperation[] = GATEWAY_METHODS.map((method) => ({
  method,
  path: "/api/v1/spapi/{authorizationId}/{amazonPath}",
  operationId: `spApiGateway${method[0]!.toUpperCase()}${method.slice(1)}`,
  summary: `SP-API gateway (${method.toUpperCase()})`,
  description:
    "Calls Amazon's SP-API operation at `amazonPath` (everything after the authorization id, slashes included, with its query string) for this authorization, with its token (or a Restricted Data Token the gateway obtains), under the shared rate limit; Amazon's answer comes back as it is. Point an SP-API SDK's endpoint at `/api/v1/spapi/{authorizationId}`. Operations outside the roles ledger or the partner's granted roles are refused before any call to Amazon.",
  tags: ["SP-API gateway"],
  auth: "apiKey",
  scopes: ["gateway"],
  pathParams: {
    authorizationId,
    amazonPath: { schema: z.string().min(1), description: "Amazon's path, e.g. `orders/v0/orders` (may contain `/`)." },
  },
  requestHeaders: gatewayRequestHeaders,
  ...(method === "get" || method === "delete" ? {} : { body: { schema: z.unknown(), required: false, description: "Amazon's request body, passed through." } }),
  responses: {
    200: { description: "Amazon's answer (any 2xx), passed through.", anyBody: true, headers: gatewayAnswerHeaders },
  },
  errors: ["not_found", "unknown_operation", "operation_not_in_ledger", "role_not_granted", "payload_too_large", "invalid_input", ...AUTHORIZATION_TOKEN_ERRORS],
  passthroughErrors: { "4XX": gatewayAmazonAnswer, "5XX": gatewayAmazonAnswer },
}));

export const API_V1_OPERATIONS: readonly ApiOperation[] = [
  {
    method: "post",
    path: "/api/v1/authorizations/{authorizationId}/access-token",
    operationId: "createAccessToken",
    summary: "An LWA access token for one authorization",
    description: "POST so no cache or log in between keeps it. Send back a token Amazon rejected as `rejectedToken`: if it is still the current one it is replaced.",
    tags: ["Tokens"],
    auth: "apiKey",
    scopes: ["access_tokens"],
    pathParams: { authorizationId },
    body: { schema: accessTokenInput, required: false },
    responses: { 200: { description: "A current access token.", schema: accessTokenAnswer } },
    errors: [...JSON_BODY_ERRORS, ...AUTHORIZATION_TOKEN_ERRORS],
  },
  {
    method: "post",
    path: "/api/v1/authorizations/{authorizationId}/restricted-data-token",
    operationId: "createRestrictedDataToken",
    summary: "A Restricted Data Token for restricted operations",
    description: "Never stored by Latchkey. Each resource must be a restricted operation; `dataElements` only where Amazon allows them.",
    tags: ["Tokens"],
    auth: "apiKey",
    scopes: ["restricted_data_tokens"],
    pathParams: { authorizationId },
    body: { schema: restrictedResourcesInput, required: true },
    responses: { 200: { description: "A Restricted Data Token.", schema: restrictedDataTokenAnswer } },
    errors: [...JSON_BODY_ERRORS, ...AUTHORIZATION_TOKEN_ERRORS],
  },
  {
    method: "post",
    path: "/api/v1/grantless-tokens",
    operationId: "createGrantlessToken",
    summary: "A grantless (app-wide) access token",
    description: "App-wide, so a key limited to tenants gets 404.",
    tags: ["Tokens"],
    auth: "apiKey",
    scopes: [],
    scopesNote: "`sellingpartnerapi::notifications` needs the key scope `grantless_notifications`; client-secret rotation is never available to API keys (403).",
    body: { schema: grantlessTokenInput, required: true },
    responses: { 200: { description: "A grantless token.", schema: grantlessTokenAnswer } },
    errors: [...JSON_BODY_ERRORS, "not_found", "insufficient_scope", "amazon_unavailable", "app_client_rejected", "vault_decrypt_failed", "vault_key_unavailable", "config_error"],
  },
  {
    method: "post",
    path: "/api/v1/outcomes",
    operationId: "reportOutcomes",
    summary: "Report SP-API call outcomes for monitoring",
    description: "Status, operation and latency of calls a worker made itself (the gateway records its own).",
    tags: ["Monitoring"],
    auth: "apiKey",
    scopes: ["outcomes"],
    body: { schema: outcomesInput, required: true },
    responses: { 202: { description: "Recorded.", schema: outcomesAnswer } },
    errors: [...JSON_BODY_ERRORS],
  },
  {
    method: "get",
    path: "/api/v1/ping",
    operationId: "ping",
    summary: "A trivial JSON answer",
    tags: ["Meta"],
    auth: "public",
    scopes: [],
    responses: { 200: { description: "Latchkey answers.", schema: pingAnswer } },
    errors: [],
  },
  {
    method: "get",
    path: "/api/v1/openapi.json",
    operationId: "getOpenApiDocument",
    summary: "This document",
    description: "Public and cacheable; rendered at `/docs/api`.",
    tags: ["Meta"],
    auth: "public",
    scopes: [],
    responses: { 200: { description: "The OpenAPI 3.1 document.", schema: z.object({ openapi: z.string(), info: z.object({}).loose(), paths: z.record(z.string(), z.unknown()) }).loose() } },
    errors: [],
  },
  ...managementOperations,
  ...webhookOperations,
  ...gatewayOperations,
];
