// How long to wait before the next SP-API attempt: exponential backoff with full jitter, and never less
// than one token of the operation's rate limit (`x-amzn-RateLimit-Limit` requests per second) after a 429.

export interface RetryPolicy {
  /** Attempts in all for a throttled (429) call. */
  maxThrottledAttempts: number;
  /** Attempts in all for a call that fails with 5xx or without an answer. */
  maxTransientAttempts: number;
  /** The first backoff ceiling; doubled per retry. */
  baseDelayMs: number;
  /** The backoff ceiling never grows past this (a rate limit's 1/rate may still ask for longer). */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxThrottledAttempts: 5, maxTransientAttempts: 3, baseDelayMs: 250, maxDelayMs: 20_000 };

/** Full jitter: a uniformly random wait between 0 and min(maxDelay, base·2^(retry-1)). `retry` starts at 1. */
export function backoffDelayMs(retry: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.floor(random() * ceiling);
}

/** After a 429: the jittered backoff, but at least 1/rate seconds when Amazon said the rate. */
export function throttledDelayMs(retry: number, rateLimitPerSecond: number | null, policy: RetryPolicy, random: () => number): number {
  const floor = rateLimitPerSecond && rateLimitPerSecond > 0 ? Math.ceil(1000 / rateLimitPerSecond) : 0;
  return Math.max(floor, backoffDelayMs(retry, policy, random));
}
