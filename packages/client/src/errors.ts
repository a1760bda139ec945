// The two errors the client throws: LatchkeyError (Latchkey refused or could not be reached) and
// SpApiCallError (Amazon refused the call, after the retry policy ran). Neither ever carries a token.

/**
 * Latchkey answered with `{ error: { code, message, requestId } }`, or could not be reached.
 * `code` is Latchkey's stable code (`authorization_revoked`, `tenant_quarantined`, `rate_limited`, ...),
 * or `network_error` (status 0) / `unexpected_response` from the client itself.
 */
export class LatchkeyError extends Error {
  override readonly name = "LatchkeyError";
  readonly code: string;
  /** HTTP status; 0 when Latchkey did not answer. */
  readonly status: number;
  readonly requestId: string | null;
  /** From `retry-after` on 429 and 503 answers. */
  readonly retryAfterSeconds: number | null;

  constructor(code: string, status: number, message: string, extra: { requestId?: string | null; retryAfterSeconds?: number | null; cause?: unknown } = {}) {
    super(message, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.code = code;
    this.status = status;
    this.requestId = extra.requestId ?? null;
    this.retryAfterSeconds = extra.retryAfterSeconds ?? null;
  }

  /** Worth trying again later (throttled, Amazon or Latchkey unavailable); the rest needs a person. */
  get retryable(): boolean {
    return this.status === 0 || this.status === 429 || this.code === "amazon_unavailable" || this.status >= 500;
  }
}

/**
 * How an SP-API call finally failed:
 * - `unauthorized`: 401, or 403 `Unauthorized`, still there after one token refresh and replay: the
 *   authorization is most likely revoked. Someone must look at it.
 * - `missing_token`: 403 `MissingAuthenticationToken` (a bug in the caller or a proxy stripping headers).
 * - `forbidden`: any other 403 (role or scope missing, vendor linkage): not retried.
 * - `throttled`: 429 on every attempt.
 * - `unavailable`: 5xx or no answer on every attempt.
 * - `rejected`: another 4xx (bad input, not found): not retried.
 */
export type SpApiFailureKind = "unauthorized" | "missing_token" | "forbidden" | "throttled" | "unavailable" | "rejected";

export class SpApiCallError extends Error {
  override readonly name = "SpApiCallError";
  readonly kind: SpApiFailureKind;
  /** The last attempt's HTTP status; 0 when there was no answer. */
  readonly status: number;
  /** Amazon's error code from `{"errors":[{"code"}]}`, e.g. `Unauthorized`, `QuotaExceeded`. */
  readonly amazonCode: string | null;
  readonly operation: string;
  readonly authorizationId: string;
  /** `x-amzn-RequestId`, for Amazon support. */
  readonly requestId: string | null;
  readonly attempts: number;

  constructor(
    fields: { kind: SpApiFailureKind; status: number; amazonCode: string | null; operation: string; authorizationId: string; requestId: string | null; attempts: number },
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.kind = fields.kind;
    this.status = fields.status;
    this.amazonCode = fields.amazonCode;
    this.operation = fields.operation;
    this.authorizationId = fields.authorizationId;
    this.requestId = fields.requestId;
    this.attempts = fields.attempts;
  }
}
