// One SP-API call through Latchkey's gateway (`mode: "gateway"`): the worker never holds a token. Latchkey
// runs the retry policy itself (401 replay, 5xx for idempotent calls, 429 under the shared rate bucket) and
// records every attempt's outcome, so this side only turns the answer into the same results and errors as a
// direct call:
// - an Amazon error (the gateway says which in `x-latchkey-error-kind`) → SpApiCallError of that kind;
// - `503 amazon_unavailable` (Amazon did not answer) → SpApiCallError `unavailable`, as a direct call;
// - `429 rate_limited` (the shared bucket had no slot within the wait) → waited out per the retry policy,
//   then SpApiCallError `throttled`;
// - Latchkey did not answer → retried like a transient failure for idempotent calls, then LatchkeyError;
// - any other refusal of Latchkey's (`operation_not_in_ledger`, `authorization_revoked`, …) → LatchkeyError.
import { LatchkeyError, SpApiCallError, type SpApiFailureKind } from "./errors.js";
import { gatewayPath, LATCHKEY_ERROR_FIELDS } from "./paths.js";
import { backoffDelayMs, throttledDelayMs, type RetryPolicy } from "./retry-policy.js";
import { spApiUrl } from "./spapi-endpoints.js";
import { parseBody } from "./spapi-fetch.js";
import type { FetchLike, SpApiRequest, SpApiResponse } from "./types.js";

/** The gateway's request headers (README, "SP-API gateway"). */
export const GATEWAY_HEADERS = {
  dataElements: "x-latchkey-data-elements",
  idempotent: "x-latchkey-idempotent",
  maxWaitMs: "x-latchkey-max-wait-ms",
  errorKind: "x-latchkey-error-kind",
  attempts: "x-latchkey-attempts",
} as const;

const FAILURE_KINDS: readonly SpApiFailureKind[] = ["unauthorized", "missing_token", "forbidden", "throttled", "unavailable", "rejected"];

export interface GatewayFetchContext {
  baseUrl: string;
  apiKey: string;
  fetch: FetchLike;
  userAgent: string;
  policy: RetryPolicy;
  timeoutMs: number;
  /** Sent as `x-latchkey-max-wait-ms` when set. */
  maxWaitMs?: number;
  sleep(ms: number): Promise<void>;
  random(): number;
}

function latchkeyErrorOf(json: unknown): { code: string; message: string; requestId: string | null } | null {
  if (typeof json !== "object" || json === null) return null;
  const error = (json as Record<string, unknown>)[LATCHKEY_ERROR_FIELDS.envelope];
  if (typeof error !== "object" || error === null) return null;
  const { code, message, requestId } = error as Record<string, unknown>;
  if (typeof code !== "string") return null;
  return { code, message: typeof message === "string" ? message : code, requestId: typeof requestId === "string" ? requestId : null };
}

function amazonCodeOf(json: unknown): string | null {
  if (typeof json !== "object" || json === null) return null;
  const errors = (json as { errors?: unknown }).errors;
  const first = Array.isArray(errors) ? (errors[0] as { code?: unknown } | undefined) : undefined;
  return typeof first?.code === "string" ? first.code : null;
}

function numberHeader(headers: Headers, name: string): number | null {
  const raw = headers.get(name);
  const value = Number(raw);
  return raw !== null && raw.trim() !== "" && Number.isFinite(value) ? value : null;
}

/** The headers the gateway reads: the worker's own, the RDT's data elements, and whether a replay is safe. */
function gatewayRequestHeaders(request: SpApiRequest, ctx: GatewayFetchContext): Record<string, string> {
  const dataElements = [...new Set((request.rdt ?? []).flatMap((resource) => resource.dataElements ?? []))];
  return {
    ...request.headers,
    authorization: `Bearer ${ctx.apiKey}`,
    "user-agent": ctx.userAgent,
    accept: "application/json",
    ...(request.body === undefined ? {} : { "content-type": "application/json" }),
    ...(dataElements.length > 0 ? { [GATEWAY_HEADERS.dataElements]: dataElements.join(",") } : {}),
    ...(request.idempotent === undefined ? {} : { [GATEWAY_HEADERS.idempotent]: String(request.idempotent) }),
    ...(ctx.maxWaitMs === undefined ? {} : { [GATEWAY_HEADERS.maxWaitMs]: String(ctx.maxWaitMs) }),
  };
}

export async function gatewayFetch<T>(authorizationId: string, request: SpApiRequest, ctx: GatewayFetchContext): Promise<SpApiResponse<T>> {
  const idempotent = request.idempotent ?? (request.method !== "POST" && request.method !== "PATCH");
  const gatewayBase = `${ctx.baseUrl.replace(/\/+$/, "")}${gatewayPath(authorizationId)}`;
  const url = spApiUrl(gatewayBase, request.path, request.query);
  let unanswered = 0;
  let rateLimited = 0;
  let attempts = 0;

  const callError = (kind: SpApiFailureKind, status: number, amazonCode: string | null, requestId: string | null, message: string, cause?: unknown) =>
    new SpApiCallError({ kind, status, amazonCode, operation: request.operation, authorizationId, requestId, attempts }, `${request.operation} for authorization ${authorizationId}: ${message}`, cause === undefined ? undefined : { cause });

  for (;;) {
    let response: Response;
    let text: string;
    try {
      response = await ctx.fetch(url, {
        method: request.method,
        headers: gatewayRequestHeaders(request, ctx),
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: AbortSignal.timeout(ctx.timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      unanswered += 1;
      if (idempotent && unanswered < ctx.policy.maxTransientAttempts) {
        await ctx.sleep(backoffDelayMs(unanswered, ctx.policy, ctx.random));
        continue;
      }
      throw new LatchkeyError("network_error", 0, `Latchkey's gateway did not answer ${request.method} ${request.path}`, { cause: error });
    }
    attempts += numberHeader(response.headers, GATEWAY_HEADERS.attempts) ?? 1;
    const json = parseBody(text);
    const amazonRequestId = response.headers.get("x-amzn-requestid");
    if (response.status < 400) {
      return { status: response.status, data: json as T, headers: response.headers, requestId: amazonRequestId, rateLimit: numberHeader(response.headers, "x-amzn-ratelimit-limit"), attempts };
    }

    const kind = response.headers.get(GATEWAY_HEADERS.errorKind) as SpApiFailureKind | null;
    if (kind !== null && FAILURE_KINDS.includes(kind)) {
      const amazonCode = amazonCodeOf(json);
      throw callError(kind, response.status, amazonCode, amazonRequestId, `Amazon refused the call through Latchkey's gateway (HTTP ${response.status}${amazonCode ? ` ${amazonCode}` : ""}, ${kind}).`);
    }
    const refusal = latchkeyErrorOf(json);
    if (refusal?.code === "amazon_unavailable") {
      throw callError("unavailable", 0, null, null, `no answer from Amazon through Latchkey's gateway (${refusal.message}).`);
    }
    if (refusal?.code === "rate_limited") {
      rateLimited += 1;
      if (rateLimited >= ctx.policy.maxThrottledAttempts) {
        throw callError("throttled", response.status, null, null, `Latchkey's shared rate limit had no slot on all ${rateLimited} attempts.`);
      }
      const retryAfterSeconds = numberHeader(response.headers, LATCHKEY_ERROR_FIELDS.retryAfterHeader);
      await ctx.sleep(Math.max((retryAfterSeconds ?? 0) * 1000, throttledDelayMs(rateLimited, null, ctx.policy, ctx.random)));
      continue;
    }
    const code = refusal?.code ?? "unexpected_response";
    throw new LatchkeyError(code, response.status, `Latchkey's gateway refused ${request.operation}: ${refusal?.message ?? `HTTP ${response.status}`} (${code}, HTTP ${response.status})`, {
      requestId: refusal?.requestId ?? response.headers.get(LATCHKEY_ERROR_FIELDS.requestIdHeader),
      retryAfterSeconds: numberHeader(response.headers, LATCHKEY_ERROR_FIELDS.retryAfterHeader),
    });
  }
}
