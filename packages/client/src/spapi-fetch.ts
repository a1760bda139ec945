// One SP-API call under PRODUCT.md's retry policy:
// - 401, or 403 `Unauthorized` (Amazon's answer to a bad token): drop the token, get a fresh one from
//   Latchkey, replay once; the same answer again fails loudly (`unauthorized`).
// - any other 403: no retry, classified (`missing_token` | `forbidden`).
// - 429: exponential backoff with full jitter, at least 1/rate seconds (`x-amzn-RateLimit-Limit`), bounded.
// - 5xx or no answer: bounded jittered retries (idempotent requests only).
// Every attempt's outcome goes to the reporter.
import { SpApiCallError, type SpApiFailureKind } from "./errors.js";
import { backoffDelayMs, throttledDelayMs, type RetryPolicy } from "./retry-policy.js";
import { spApiUrl } from "./spapi-endpoints.js";
import type { CallOutcome, FetchLike, Region, SpApiRequest, SpApiResponse } from "./types.js";

/** Where the token for an attempt comes from: the cached access token, or an RDT made for this call. */
export interface CallCredentials {
  current(): Promise<{ token: string; region: Region }>;
  /** Amazon rejected `rejected`: forget it so `current()` fetches a fresh one (and tell Latchkey which). */
  renew(rejected: string): void;
}

export interface SpApiFetchContext {
  fetch: FetchLike;
  endpoints: Record<Region, string>;
  userAgent: string;
  policy: RetryPolicy;
  timeoutMs: number;
  now(): number;
  sleep(ms: number): Promise<void>;
  random(): number;
  record(outcome: CallOutcome): void;
}

interface Attempt {
  status: number;
  response?: Response;
  text: string;
  error?: unknown;
}

function amazonError(text: string): { code: string | null; message: string | null } {
  try {
    const json = JSON.parse(text) as { errors?: { code?: unknown; message?: unknown }[] };
    const first = json.errors?.[0];
    return { code: typeof first?.code === "string" ? first.code : null, message: typeof first?.message === "string" ? first.message : null };
  } catch {
    return { code: null, message: null };
  }
}

function numberHeader(response: Response | undefined, name: string): number | null {
  if (!response?.headers.has(name)) return null;
  const value = Number(response.headers.get(name));
  return Number.isFinite(value) ? value : null;
}

/** An answer's body: JSON when it parses, else the text (null when empty). */
export function parseBody(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export async function spApiFetch<T>(authorizationId: string, request: SpApiRequest, credentials: CallCredentials, ctx: SpApiFetchContext): Promise<SpApiResponse<T>> {
  const idempotent = request.idempotent ?? (request.method !== "POST" && request.method !== "PATCH");
  let renewed = false;
  let throttled = 0;
  let transient = 0;
  let attempts = 0;

  function fail(kind: SpApiFailureKind, attempt: Attempt, message: string): never {
    const { code } = amazonError(attempt.text);
    throw new SpApiCallError(
      { kind, status: attempt.status, amazonCode: code, operation: request.operation, authorizationId, requestId: attempt.response?.headers.get("x-amzn-requestid") ?? null, attempts },
      `${request.operation} for authorization ${authorizationId}: ${message}`,
      attempt.error === undefined ? undefined : { cause: attempt.error },
    );
  }

  for (;;) {
    const { token, region } = await credentials.current();
    attempts += 1;
    const startedAt = ctx.now();
    const attempt: Attempt = { status: 0, text: "" };
    try {
      const response = await ctx.fetch(spApiUrl(ctx.endpoints[region], request.path, request.query), {
        method: request.method,
        headers: {
          ...request.headers,
          "x-amz-access-token": token,
          "user-agent": ctx.userAgent,
          accept: "application/json",
          ...(request.body === undefined ? {} : { "content-type": "application/json" }),
        },
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: AbortSignal.timeout(ctx.timeoutMs),
      });
      attempt.response = response;
      attempt.text = await response.text();
      attempt.status = response.status;
    } catch (error) {
      attempt.error = error;
      attempt.status = 0;
    }
    ctx.record({ authorizationId, operation: request.operation, status: attempt.status, latencyMs: Math.max(0, Math.round(ctx.now() - startedAt)), at: new Date(startedAt).toISOString() });

    const { status, response } = attempt;
    if (response && status >= 200 && status < 300) {
      return { status, data: parseBody(attempt.text) as T, headers: response.headers, requestId: response.headers.get("x-amzn-requestid"), rateLimit: numberHeader(response, "x-amzn-ratelimit-limit"), attempts };
    }
    const { code, message } = amazonError(attempt.text);
    const said = `HTTP ${status}${code ? ` ${code}` : ""}${message ? ` "${message}"` : ""}`;

    if (status === 401 || (status === 403 && code === "Unauthorized")) {
      if (renewed) {
        fail("unauthorized", attempt, `Amazon refused a freshly issued token too (${said}) after one refresh and replay; the authorization is probably revoked or lacks this role. Not retrying.`);
      }
      renewed = true;
      credentials.renew(token);
      continue;
    }
    if (status === 403) {
      fail(code === "MissingAuthenticationToken" ? "missing_token" : "forbidden", attempt, `Amazon refused the call (${said}); not retried.`);
    }
    if (status === 429) {
      throttled += 1;
      if (throttled >= ctx.policy.maxThrottledAttempts) fail("throttled", attempt, `throttled on all ${throttled} attempts (${said}).`);
      await ctx.sleep(throttledDelayMs(throttled, numberHeader(response, "x-amzn-ratelimit-limit"), ctx.policy, ctx.random));
      continue;
    }
    if (status === 0 || status >= 500) {
      transient += 1;
      const what = status === 0 ? "no answer from Amazon" : said;
      if (!idempotent) fail("unavailable", attempt, `${what}; a ${request.method} is not replayed (pass idempotent: true if it is safe).`);
      if (transient >= ctx.policy.maxTransientAttempts) fail("unavailable", attempt, `${what} on all ${transient} attempts.`);
      await ctx.sleep(backoffDelayMs(transient, ctx.policy, ctx.random));
      continue;
    }
    fail("rejected", attempt, `Amazon rejected the call (${said}); not retried.`);
  }
}
