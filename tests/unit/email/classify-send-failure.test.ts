import { describe, expect, it } from "vitest";
import { classifySendFailure, nextEmailAttemptAt, parseRetryAfter } from "@/lib/email/classify-send-failure";

const MINUTE = 60_000;
const now = new Date("2026-12-02T10:00:00Z");

describe("which failed sends are tried again", () => {
  it("retries what says nothing about the email: no answer, 5xx, 408, 429, an in-flight idempotent request", () => {
    expect(classifySendFailure(new DOMException("The operation timed out.", "TimeoutError"))).toEqual({ retryable: true, httpStatus: null });
    expect(classifySendFailure(new TypeError("fetch failed")).retryable).toBe(true);
    expect(classifySendFailure({ name: "application_error", statusCode: null, message: "Unable to fetch data." }).retryable).toBe(true);
    for (const statusCode of [500, 502, 503, 408, 429]) expect(classifySendFailure({ name: "x", statusCode, message: "" })).toEqual({ retryable: true, httpStatus: statusCode });
    expect(classifySendFailure({ name: "concurrent_idempotent_requests", statusCode: 409, message: "" }).retryable).toBe(true);
    expect(classifySendFailure({ name: "rate_limit_exceeded", message: "slow down" }).retryable).toBe(true);
  });

  it("does not retry a refusal of this email (other 4xx)", () => {
    for (const [name, statusCode] of [["validation_error", 422], ["invalid_api_key", 403], ["missing_api_key", 401], ["invalid_idempotent_request", 409], ["not_found", 404]] as const) {
      expect(classifySendFailure({ name, statusCode, message: "" })).toEqual({ retryable: false, httpStatus: statusCode });
    }
    expect(classifySendFailure({ name: "validation_error", message: "Invalid `to`" }).retryable).toBe(false);
  });
});

describe("when the next attempt is due", () => {
  it("backs off 1, 2, 4, 8… minutes, at most an hour", () => {
    expect([1, 2, 3, 4, 5, 8, 12].map((attempt) => (nextEmailAttemptAt(now, attempt).getTime() - now.getTime()) / MINUTE)).toEqual([1, 2, 4, 8, 16, 60, 60]);
  });

  it("waits at least as long as Retry-After asks, capped at an hour", () => {
    expect(nextEmailAttemptAt(now, 1, 300).getTime() - now.getTime()).toBe(5 * MINUTE);
    expect(nextEmailAttemptAt(now, 4, 30).getTime() - now.getTime()).toBe(8 * MINUTE);
    expect(nextEmailAttemptAt(now, 1, 86_400).getTime() - now.getTime()).toBe(60 * MINUTE);
  });

  it("reads Retry-After as seconds or as an HTTP date", () => {
    expect(parseRetryAfter("120", now)).toBe(120);
    expect(parseRetryAfter(new Date(now.getTime() + 90_000).toUTCString(), now)).toBe(90);
    expect(parseRetryAfter("soon", now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});
