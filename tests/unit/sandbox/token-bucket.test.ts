import { describe, expect, it } from "vitest";
import { RateLimiter, TokenBucket } from "../../../sandbox/spapi/token-bucket";

describe("TokenBucket", () => {
  it("allows a full burst, then refuses", () => {
    const bucket = new TokenBucket(0.016, 15, 0);
    for (let i = 0; i < 15; i += 1) expect(bucket.tryTake(0)).toBe(true);
    expect(bucket.tryTake(0)).toBe(false);
  });

  it("refills at the rate", () => {
    const bucket = new TokenBucket(0.016, 15, 0);
    for (let i = 0; i < 15; i += 1) bucket.tryTake(0);
    expect(bucket.msUntilNextToken(0)).toBe(62_500);
    expect(bucket.tryTake(62_000)).toBe(false);
    expect(bucket.tryTake(62_500)).toBe(true);
    expect(bucket.tryTake(62_500)).toBe(false);
  });

  it("never holds more than the burst", () => {
    const bucket = new TokenBucket(10, 10, 0);
    expect(bucket.available(3_600_000)).toBe(10);
  });

  it("ignores time going backwards", () => {
    const bucket = new TokenBucket(1, 1, 1000);
    expect(bucket.tryTake(1000)).toBe(true);
    expect(bucket.tryTake(500)).toBe(false);
    expect(bucket.tryTake(2000)).toBe(true);
  });

  it("supports one per minute (clientSecret rotation)", () => {
    const bucket = new TokenBucket(1 / 60, 1, 0);
    expect(bucket.tryTake(0)).toBe(true);
    expect(bucket.tryTake(59_000)).toBe(false);
    expect(bucket.tryTake(60_000)).toBe(true);
  });
});

describe("RateLimiter", () => {
  it("keeps one bucket per key", () => {
    const limiter = new RateLimiter();
    expect(limiter.tryTake("app|A|op", 1, 1, 0)).toBe(true);
    expect(limiter.tryTake("app|A|op", 1, 1, 0)).toBe(false);
    expect(limiter.tryTake("app|B|op", 1, 1, 0)).toBe(true);
    limiter.clear();
    expect(limiter.tryTake("app|A|op", 1, 1, 0)).toBe(true);
  });
});
