/**
 * SP-API usage plans are token buckets: `burst` requests at once, refilled at `rate` requests per second.
 * Pure: time is passed in, so tests drive it with any clock.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    readonly rate: number,
    readonly burst: number,
    now: number,
  ) {
    this.tokens = burst;
    this.updatedAt = now;
  }

  private refill(now: number): void {
    const elapsedSeconds = Math.max(0, now - this.updatedAt) / 1000;
    this.tokens = Math.min(this.burst, this.tokens + elapsedSeconds * this.rate);
    this.updatedAt = Math.max(this.updatedAt, now);
  }

  /** Takes one token if available. */
  tryTake(now: number): boolean {
    this.refill(now);
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  available(now: number): number {
    this.refill(now);
    return this.tokens;
  }

  /** Milliseconds until one token is available (0 when one is available now). */
  msUntilNextToken(now: number): number {
    this.refill(now);
    if (this.tokens >= 1) return 0;
    return Math.ceil(((1 - this.tokens) / this.rate) * 1000);
  }
}

/** One bucket per (application, selling partner or "grantless", operation). Memory only. */
export class RateLimiter {
  private readonly buckets = new Map<string, TokenBucket>();

  tryTake(key: string, rate: number, burst: number, now: number): boolean {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(rate, burst, now);
      this.buckets.set(key, bucket);
    }
    return bucket.tryTake(now);
  }

  clear(): void {
    this.buckets.clear();
  }
}
