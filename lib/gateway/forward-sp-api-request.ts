import "server-only";
// The SP-API gateway (issue 14 §2): a worker's request for `/api/v1/spapi/{authorizationId}/<Amazon path>`
// goes to Amazon with the partner's token (or an RDT the gateway obtains), under the shared rate limit
// and the seeds' retry policy, and Amazon's answer streams back. Deny-by-default refusals happen in
// resolveGatewayOperation, before any call to Amazon (LWA included).
import { setTimeout as sleep } from "node:timers/promises";
import { findOperationById, type CatalogOperation } from "@/lib/amazon/catalog";
import { AmazonNetworkError } from "@/lib/amazon/http";
import { amazonErrorCode, passedResponseHeaders, rateLimitOf, sendSpApiRequest } from "@/lib/amazon/spapi-passthrough";
import type { ApiCaller } from "@/lib/api-keys/authenticate-api-key";
import { assertCallerAllowsTenant } from "@/lib/api-keys/caller-allows-tenant";
import { AppError } from "@/lib/errors";
import { loadAuthorizationForTokens } from "@/lib/tokens/authorization-for-tokens";
import { getAccessToken, type IssuedAccessToken, type TokenRequestOptions } from "@/lib/tokens/get-access-token";
import { noteGatewayOutcome } from "./gateway-outcomes";
import { gatewayRequestOptions, type GatewayRequestOptions } from "./gateway-request-options";
import { adjustBucketRate, drainBucket } from "./rate-limiter/bucket-feedback";
import { usagePlanBucket, type UsagePlanBucket } from "./rate-limiter/usage-plan-bucket";
import { waitForSlot } from "./rate-limiter/wait-for-slot";
import { readRequestBody } from "./read-request-body";
import { resolveGatewayOperation } from "./resolve-gateway-operation";
import { forgetRestrictedDataToken, restrictedDataTokenFor, restrictedResourceFor, type RestrictedResource } from "./restricted-data-token-cache";

/** Everything after `/api/v1/spapi/{authorizationId}` is Amazon's path. */
const GATEWAY_PATH = /^\/api\/v1\/spapi\/[^/]+(\/.*)?$/;
const MAX_TRANSIENT_ATTEMPTS = 3;
const MAX_THROTTLED_ATTEMPTS = 3;
const TRANSIENT_BACKOFF_MS = 200;
const NO_BODY_STATUSES = new Set([204, 205, 304]);
/** nginx's status for "the client closed the request"; only logs ever see it. */
const CLIENT_CLOSED_REQUEST = 499;

/** How the gateway classifies an answer that is not a success (`x-latchkey-error-kind`), as the worker client does. */
export type GatewayErrorKind = "unauthorized" | "missing_token" | "forbidden" | "throttled" | "unavailable" | "rejected";

export interface ForwardSpApiRequestInput {
  request: Request;
  authorizationId: string;
  caller: ApiCaller;
  /** Sent back as `x-latchkey-request-id`. */
  requestId: string;
  /** The worker went away: stop waiting, stop streaming. */
  signal?: AbortSignal;
}

interface AmazonCall {
  input: ForwardSpApiRequestInput;
  operation: CatalogOperation;
  region: IssuedAccessToken["authorization"]["region"];
  pathAndQuery: string;
  body: Uint8Array<ArrayBuffer> | undefined;
  options: GatewayRequestOptions;
  tokenOptions: TokenRequestOptions;
  bucket: UsagePlanBucket | null;
  /** Set for restricted operations: the RDT's resource. */
  resource: RestrictedResource | null;
}

export async function forwardSpApiRequest(input: ForwardSpApiRequestInput): Promise<Response> {
  const url = new URL(input.request.url);
  const amazonPath = GATEWAY_PATH.exec(url.pathname)?.[1] ?? "/";
  const method = input.request.method.toUpperCase();
  const tokenOptions: TokenRequestOptions = { assertTenant: (tenantId) => assertCallerAllowsTenant(input.caller, tenantId) };
  // Scope first: another tenant's authorization is a 404 whatever the path.
  const authorization = await loadAuthorizationForTokens(input.authorizationId);
  tokenOptions.assertTenant?.(authorization.tenantId);
  const operation = await resolveGatewayOperation({ authorizationId: authorization.id, kind: authorization.tenant.kind, region: authorization.region, roles: authorization.roles }, method, amazonPath);
  const options = gatewayRequestOptions(method, input.request.headers);
  const body = await readRequestBody(input.request);
  try {
    return await callAmazon({
      input,
      operation,
      region: authorization.region,
      pathAndQuery: amazonPath + url.search,
      body,
      options,
      tokenOptions,
      bucket: usagePlanBucket(authorization.id, operation),
      resource: operation.restricted ? restrictedResourceFor(authorization.id, operation, amazonPath, options.dataElements) : null,
    });
  } catch (error) {
    // The worker went away while its request waited or was in flight: nobody reads this answer, and it is no error of ours.
    if (input.signal?.aborted) return new Response(null, { status: CLIENT_CLOSED_REQUEST });
    throw error;
  }
}

const RDT_OPERATION = findOperationById("tokens_2021-03-01", "createRestrictedDataToken");

/** The RDT for this call, its creation metered by the Tokens API's own usage plan. */
function restrictedToken(call: AmazonCall, resource: RestrictedResource, deadline: number): Promise<string> {
  const bucket = RDT_OPERATION && usagePlanBucket(resource.authorizationId, RDT_OPERATION);
  return restrictedDataTokenFor(resource, call.tokenOptions, async () => {
    if (bucket) await waitForSlot(bucket, deadline - Date.now(), call.input.signal);
  });
}

async function callAmazon(call: AmazonCall): Promise<Response> {
  const { input, operation, bucket } = call;
  const deadline = Date.now() + call.options.maxWaitMs;
  let access = await getAccessToken(input.authorizationId, call.tokenOptions);
  let replayed = false;
  let transient = 0;
  let throttled = 0;
  for (let attempt = 1; ; attempt++) {
    const rate = bucket ? await waitForSlot(bucket, Math.max(0, deadline - Date.now()), input.signal) : null;
    const token = call.resource ? await restrictedToken(call, call.resource, deadline) : access.accessToken;
    const startedAt = Date.now();
    let response: Response;
    try {
      response = await sendSpApiRequest({ region: call.region, accessToken: token, method: operation.method, pathAndQuery: call.pathAndQuery, headers: input.request.headers, body: call.body, signal: input.signal });
    } catch (error) {
      if (!(error instanceof AmazonNetworkError)) throw error;
      noteGatewayOutcome({ authorizationId: input.authorizationId, operation: operation.operationId, status: 0, startedAt });
      if (call.options.idempotent && ++transient < MAX_TRANSIENT_ATTEMPTS) {
        await backOff(TRANSIENT_BACKOFF_MS, transient, input.signal);
        continue;
      }
      throw new AppError("amazon_unavailable", "Amazon did not answer.", { cause: error });
    }
    noteGatewayOutcome({ authorizationId: input.authorizationId, operation: operation.operationId, status: response.status, startedAt });
    const amazonRate = rateLimitOf(response);
    if (bucket && rate !== null && amazonRate !== null && Math.abs(amazonRate - rate) > 1e-9) await adjustBucketRate(bucket, amazonRate);
    const answer = { call, response, attempt };

    if (response.status < 400) return passThrough(answer);
    if (response.status === 401 || response.status === 403) {
      const text = await response.text();
      const code = amazonErrorCode(text);
      const rejectedToken = response.status === 401 || code === "Unauthorized";
      if (rejectedToken && !replayed) {
        // The seeds' rule: drop the token Amazon refused, refresh once, replay once.
        replayed = true;
        if (call.resource) forgetRestrictedDataToken(call.resource);
        access = await getAccessToken(input.authorizationId, { ...call.tokenOptions, rejectedToken: access.accessToken });
        continue;
      }
      return passThrough(answer, rejectedToken ? "unauthorized" : code === "MissingAuthenticationToken" ? "missing_token" : "forbidden", text);
    }
    if (response.status === 429) {
      throttled += 1;
      if (bucket) await drainBucket(bucket, throttled);
      if (throttled < MAX_THROTTLED_ATTEMPTS) {
        await response.body?.cancel();
        // With a bucket, the drained bucket makes the next slot wait; without one, back off here.
        if (!bucket) await backOff(1000, throttled, input.signal);
        continue;
      }
      return passThrough(answer, "throttled");
    }
    if (response.status >= 500) {
      if (call.options.idempotent && ++transient < MAX_TRANSIENT_ATTEMPTS) {
        await response.body?.cancel();
        await backOff(TRANSIENT_BACKOFF_MS, transient, input.signal);
        continue;
      }
      return passThrough(answer, "unavailable");
    }
    return passThrough(answer, "rejected");
  }
}

/** Exponential backoff with jitter: base × 2^(n-1) × [0.5, 1.5). */
function backOff(baseMs: number, n: number, signal: AbortSignal | undefined): Promise<void> {
  return sleep(baseMs * 2 ** (n - 1) * (0.5 + Math.random()), undefined, { signal });
}

/** Amazon's status, body (streamed, or the text already read) and useful headers, plus the gateway's own. */
function passThrough(answer: { call: AmazonCall; response: Response; attempt: number }, kind?: GatewayErrorKind, text?: string): Response {
  const { call, response, attempt } = answer;
  const headers = passedResponseHeaders(response);
  headers.set("x-latchkey-request-id", call.input.requestId);
  headers.set("x-latchkey-operation", call.operation.operationId);
  headers.set("x-latchkey-attempts", String(attempt));
  if (kind) headers.set("x-latchkey-error-kind", kind);
  if (kind === "throttled" && call.bucket) headers.set("retry-after", String(Math.max(1, Math.ceil(1 / call.bucket.rate))));
  const body = NO_BODY_STATUSES.has(response.status) ? null : (text ?? response.body);
  return new Response(body, { status: response.status, headers });
}
