// @latchkey/client: Latchkey's worker client. No runtime dependencies: Node 20 built-ins and fetch.
export { createLatchkeyClient, type LatchkeyClient, type LatchkeyClientOptions } from "./create-latchkey-client.js";
export { LatchkeyError, SpApiCallError, type SpApiFailureKind } from "./errors.js";
export type {
  AuthorizationDetail,
  AuthorizationStatus,
  AuthorizationSummary,
  ConnectLink,
  CreateConnectLinkInput,
  CreateTenantInput,
  ListAuthorizationsFilter,
  ListTenantsFilter,
  ManagementApi,
  Page,
  PageOptions,
  PartnerKind,
  Tenant,
  TenantMetadata,
  UpdateTenantInput,
} from "./management-api.js";
export type { CreateWebhookEndpointInput, UpdateWebhookEndpointInput, WebhookDelivery, WebhookDeliveryStatus, WebhookEndpoint, WebhookEndpointsApi } from "./webhook-endpoints-api.js";
export { GATEWAY_HEADERS } from "./gateway-fetch.js";
export { endpointPath, gatewayPath, LATCHKEY_ENDPOINTS, LATCHKEY_ERROR_FIELDS, LATCHKEY_GATEWAY_PATH, LATCHKEY_NESTED_FIELDS, type LatchkeyEndpoint, type LatchkeyEndpointName } from "./paths.js";
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from "./retry-policy.js";
export { DEFAULT_SPAPI_ENDPOINTS } from "./spapi-endpoints.js";
export type { AccessTokenInfo, CallOutcome, FetchLike, GrantlessScope, GrantlessTokenInfo, HttpMethod, Region, RestrictedDataToken, RestrictedResource, SpApiRequest, SpApiResponse } from "./types.js";
export {
  DEFAULT_WEBHOOK_TOLERANCE_SECONDS,
  verifyWebhookSignature,
  WEBHOOK_SIGNATURE_HEADER,
  type VerifyWebhookSignatureInput,
  type WebhookSignatureFailure,
  type WebhookVerification,
} from "./verify-webhook-signature.js";
