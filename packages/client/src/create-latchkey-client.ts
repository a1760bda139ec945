// The worker client: access tokens, grantless tokens and RDTs from Latchkey, SP-API calls under the retry
// policy, and outcome reporting. Node 20 built-ins and fetch only: no runtime dependencies.
import { createAccessTokenCache } from "./access-token-cache.js";
import { LatchkeyError } from "./errors.js";
import { createLatchkeyApi, type IssuedRdt } from "./latchkey-api.js";
import { createManagementApi, type ManagementApi } from "./management-api.js";
import { createWebhookEndpointsApi, type WebhookEndpointsApi } from "./webhook-endpoints-api.js";
import { createOutcomeReporter } from "./outcome-reporter.js";
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from "./retry-policy.js";
import { gatewayFetch } from "./gateway-fetch.js";
import { DEFAULT_SPAPI_ENDPOINTS } from "./spapi-endpoints.js";
import { spApiFetch, type CallCredentials } from "./spapi-fetch.js";
import type { AccessTokenInfo, FetchLike, GrantlessScope, GrantlessTokenInfo, Region, RestrictedDataToken, RestrictedResource, SpApiRequest, SpApiResponse } from "./types.js";
import { buildUserAgent } from "./user-agent.js";

export interface LatchkeyClientOptions {
  /** Latchkey's base URL, e.g. `https://latchkey.internal`. */
  baseUrl: string;
  /** An API key (`lk_live_...`) from Admin → API keys. */
  apiKey: string;
  fetch?: FetchLike;
  /** Your app's agent, e.g. `OrderSync/2.3`; `(Language=TypeScript; Platform=Node)` is appended. */
  userAgent?: string;
  /** Post each SP-API attempt's outcome to Latchkey (default true). */
  reportOutcomes?: boolean;
  /** Milliseconds since the epoch (tests inject a clock). */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** 0 ≤ x < 1, for the backoff jitter. */
  random?: () => number;
  /**
   * `"direct"` (default): the client gets tokens from Latchkey and calls Amazon itself. `"gateway"`: every
   * `spapiFetch` goes through Latchkey's SP-API gateway (API key scope `gateway`), which holds the tokens, makes
   * RDTs, shares rate limits and records outcomes; the worker never sees a token. Results and errors are the same.
   */
  mode?: "direct" | "gateway";
  /** Gateway mode: how long Latchkey may hold a request for its rate-limit slot (`x-latchkey-max-wait-ms`). */
  gatewayMaxWaitMs?: number;
  /** SP-API base URL per region; Amazon's production hosts by default. */
  spapiEndpoints?: Partial<Record<Region, string>>;
  retry?: Partial<RetryPolicy>;
  /** A cached access token is used until this long before it expires (default 60 s). */
  tokenRenewMarginMs?: number;
  /** Per HTTP request, to Latchkey or Amazon (default 30 s). */
  timeoutMs?: number;
  outcomes?: { batchSize?: number; intervalMs?: number; maxBuffered?: number };
  /** Told about outcome reports that failed (they never reach your calls). */
  onReportError?: (error: unknown) => void;
}

/** The token and gateway calls, the management API (tenants, authorizations, connect links; scope `management`) and webhook endpoints (scope `webhooks`). */
export interface LatchkeyClient extends ManagementApi, WebhookEndpointsApi {
  /** The authorization's LWA access token, cached in memory until shortly before it expires. */
  accessToken(authorizationId: string): Promise<AccessTokenInfo>;
  /** A grantless token for `scope` (keys limited to tenants may not), cached like access tokens. */
  grantlessToken(scope: GrantlessScope): Promise<GrantlessTokenInfo>;
  /**
   * Gets a Restricted Data Token for `restrictedResources`, calls `fn` with it and returns `fn`'s result.
   * The RDT is never cached; once `fn` settles, reading it throws.
   */
  withRdt<T>(authorizationId: string, restrictedResources: RestrictedResource[], fn: (rdt: RestrictedDataToken) => Promise<T> | T, options?: { targetApplication?: string }): Promise<T>;
  /**
   * Calls SP-API under the retry policy: at the authorization's regional endpoint, or through Latchkey's
   * gateway in gateway mode (where `request.rdt` names the data elements and Latchkey makes the RDT).
   */
  spapiFetch<T = unknown>(authorizationId: string, request: SpApiRequest): Promise<SpApiResponse<T>>;
  /** Drops a cached access token (the next call asks Latchkey again). */
  forgetAccessToken(authorizationId: string): void;
  /** Posts buffered outcomes now; never rejects. */
  flush(): Promise<void>;
  /** Flushes outcomes and stops the reporting timer. */
  close(): Promise<void>;
}

const DISCARDED = "This Restricted Data Token was discarded when the withRdt callback settled; request a new one.";

function rdtHandle(issued: IssuedRdt): { rdt: RestrictedDataToken; discard(): void } {
  let token: string | null = issued.restrictedDataToken;
  const rdt: RestrictedDataToken & { toJSON(): object } = {
    get restrictedDataToken() {
      if (token === null) throw new Error(DISCARDED);
      return token;
    },
    expiresAt: issued.expiresAt,
    region: issued.region,
    // A logged or serialized RDT shows no token.
    toJSON: () => ({ restrictedDataToken: "[REDACTED]", expiresAt: issued.expiresAt, region: issued.region }),
  };
  return { rdt, discard: () => (token = null) };
}

function outcomeWorthResending(error: unknown): boolean {
  return !(error instanceof LatchkeyError) || error.status === 0 || error.status === 429 || error.status >= 500;
}

export function createLatchkeyClient(options: LatchkeyClientOptions): LatchkeyClient {
  if (!options.baseUrl) throw new TypeError("createLatchkeyClient: baseUrl is required");
  if (!options.apiKey) throw new TypeError("createLatchkeyClient: apiKey is required");
  const fetchImpl: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;
  const userAgent = buildUserAgent(options.userAgent);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const endpoints: Record<Region, string> = { ...DEFAULT_SPAPI_ENDPOINTS, ...options.spapiEndpoints };

  const api = createLatchkeyApi({ baseUrl: options.baseUrl, apiKey: options.apiKey, fetch: fetchImpl, userAgent, timeoutMs });
  const marginMs = options.tokenRenewMarginMs ?? 60_000;
  const tokens = createAccessTokenCache({ load: (id: string, rejected?: string) => api.fetchAccessToken(id, rejected), now, marginMs });
  const grantless = createAccessTokenCache({ load: (scope: GrantlessScope) => api.fetchGrantlessToken(scope), now, marginMs });
  const gatewayMode = options.mode === "gateway";
  // Through the gateway Latchkey records every attempt itself: reporting them too would count each twice.
  const reporter =
    options.reportOutcomes === false || gatewayMode
      ? undefined
      : createOutcomeReporter({ send: (batch) => api.postOutcomes(batch), ...options.outcomes, isRetryable: outcomeWorthResending, onError: options.onReportError });

  async function withRdt<T>(authorizationId: string, restrictedResources: RestrictedResource[], fn: (rdt: RestrictedDataToken) => Promise<T> | T, rdtOptions: { targetApplication?: string } = {}): Promise<T> {
    const handle = rdtHandle(await api.fetchRestrictedDataToken(authorizationId, restrictedResources, rdtOptions.targetApplication));
    try {
      return await fn(handle.rdt);
    } finally {
      handle.discard();
    }
  }

  function credentialsFor(authorizationId: string, request: SpApiRequest): CallCredentials {
    const resources = request.rdt;
    if (!resources) {
      return {
        current: async () => {
          const token = await tokens.get(authorizationId);
          return { token: token.accessToken, region: token.region };
        },
        renew: (rejected) => tokens.reject(authorizationId, rejected),
      };
    }
    // An RDT made for this call only: it lives in this closure until the call settles.
    let rdt: IssuedRdt | undefined;
    return {
      current: async () => {
        rdt ??= await api.fetchRestrictedDataToken(authorizationId, resources);
        return { token: rdt.restrictedDataToken, region: rdt.region };
      },
      renew: () => {
        rdt = undefined;
      },
    };
  }

  return {
    ...createManagementApi(api),
    ...createWebhookEndpointsApi(api),
    accessToken: (authorizationId) => tokens.get(authorizationId),
    grantlessToken: (scope) => grantless.get(scope),
    withRdt,
    spapiFetch: (authorizationId, request) =>
      gatewayMode
        ? gatewayFetch(authorizationId, request, { baseUrl: options.baseUrl, apiKey: options.apiKey, fetch: fetchImpl, userAgent, policy, timeoutMs, maxWaitMs: options.gatewayMaxWaitMs, sleep, random })
        : spApiFetch(authorizationId, request, credentialsFor(authorizationId, request), {
        fetch: fetchImpl,
        endpoints,
        userAgent,
        policy,
        timeoutMs,
        now,
        sleep,
        random,
        record: (outcome) => reporter?.record(outcome),
      }),
    forgetAccessToken: (authorizationId) => tokens.forget(authorizationId),
    flush: () => reporter?.flush() ?? Promise.resolve(),
    close: () => reporter?.close() ?? Promise.resolve(),
  };
}
