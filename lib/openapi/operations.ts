import "server-only";
// Every `/api/v1` operation, in the order the document lists them. A new route adds one entry here, built
// from the zod schemas its handler uses (see api-operation.ts); the contract test fails until it does.
import { z } from "zod";
import { restrictedResourcesInput } from "@/lib/amazon/tokens-api";
import { grantlessTokenAnswer, grantlessTokenInput } from "@/lib/app-client/grantless-token-answers";
import { gatewayRequestHeaders } from "@/lib/gateway/gateway-request-options";
import { pingAnswer } from "@/lib/health/ping-answer";
import { idSchema } from "@/lib/http/ids";
import { outcomesAnswer, outcomesInput } from "@/lib/monitoring/outcomes-schemas";
import { accessTokenAnswer, accessTokenInput, restrictedDataTokenAnswer } from "@/lib/tokens/token-answers";
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
  ...gatewayOperations,
];
