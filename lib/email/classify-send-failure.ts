// Whether a failed send is worth trying again, from what Resend's SDK returned or threw. Timeouts, no answer,
// 5xx, 408 and 429 are (Resend is down, slow or throttling us); any other refusal is about this email (a bad
// address, a bad key, a payload Resend rejects) and would fail the same way again.

/** Resend's error names that mean "try later" when no HTTP status came with them. */
const RETRYABLE_NAMES = new Set(["application_error", "internal_server_error", "rate_limit_exceeded", "daily_quota_exceeded", "monthly_quota_exceeded", "concurrent_idempotent_requests"]);

export interface SendFailureClass {
  retryable: boolean;
  /** The HTTP status Resend answered, when known. */
  httpStatus: number | null;
}

function statusOf(failure: object): number | null {
  const status = "statusCode" in failure ? failure.statusCode : undefined;
  return typeof status === "number" && Number.isInteger(status) ? status : null;
}

export function classifySendFailure(failure: unknown): SendFailureClass {
  // Thrown: a timeout (our AbortSignal), a refused connection, a reset. Nothing reached a decision.
  if (failure instanceof Error || failure === null || typeof failure !== "object") return { retryable: true, httpStatus: null };
  const httpStatus = statusOf(failure);
  if (httpStatus !== null) return { retryable: httpStatus >= 500 || httpStatus === 408 || httpStatus === 429 || (httpStatus === 409 && nameOf(failure) === "concurrent_idempotent_requests"), httpStatus };
  const name = nameOf(failure);
  // No status and no name: an answer we could not read (an empty or foreign error body): try again, bounded.
  return { retryable: name === null || RETRYABLE_NAMES.has(name), httpStatus: null };
}

function nameOf(failure: object): string | null {
  return "name" in failure && typeof failure.name === "string" && failure.name !== "" ? failure.name : null;
}

const MINUTE = 60_000;

/**
 * When the next send is due after attempt `attempt` (1-based) failed: 1, 2, 4, 8… minutes, at most an hour,
 * and never sooner than a Retry-After the provider sent (capped at an hour too).
 */
export function nextEmailAttemptAt(now: Date, attempt: number, retryAfterSeconds?: number | null): Date {
  const backoff = Math.min(60 * MINUTE, MINUTE * 2 ** Math.max(0, attempt - 1));
  const asked = retryAfterSeconds && retryAfterSeconds > 0 ? Math.min(60 * MINUTE, retryAfterSeconds * 1000) : 0;
  return new Date(now.getTime() + Math.max(backoff, asked));
}

/** A Retry-After header in seconds (delta-seconds or an HTTP date), or null. */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}
