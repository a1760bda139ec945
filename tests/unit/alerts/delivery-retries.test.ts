import { describe, expect, it } from "vitest";
import { describeDeliveries, type AlertDeliveryView } from "@/lib/alerts/alert-view";
import { retryDelayMs } from "@/lib/alerts/notify-alert";

const delivery = (over: Partial<AlertDeliveryView>): AlertDeliveryView => ({
  event: "fired",
  channel: "webhook",
  status: "sent",
  httpStatus: 200,
  error: null,
  at: "2026-12-01T08:00:00.000Z",
  attempts: 1,
  nextAttemptAt: null,
  ...over,
});

describe("alert notification retries", () => {
  it("back off 1, 2, 4, 8 minutes and never more than an hour apart", () => {
    expect([1, 2, 3, 4, 7, 8, 20].map((n) => retryDelayMs(n) / 60_000)).toEqual([1, 2, 4, 8, 60, 60, 60]);
  });

  it("read in plain words on the alerts page", () => {
    expect(describeDeliveries({ deliveries: [] })).toBe("Not notified yet");
    expect(
      describeDeliveries({
        deliveries: [
          delivery({ channel: "email", httpStatus: null }),
          delivery({ status: "retrying", attempts: 2, httpStatus: 503, error: "the webhook answered HTTP 503", nextAttemptAt: "2026-12-01T08:04:00.000Z" }),
        ],
      }),
    ).toBe("Fired by email: sent; Fired by webhook: attempt 2 failed (the webhook answered HTTP 503), trying again at Dec 1, 2026, 08:04 AM UTC");
    expect(describeDeliveries({ deliveries: [delivery({ event: "resolved", status: "failed", attempts: 5, error: "gave up after 5 attempts: fetch failed" })] })).toBe(
      "Resolved by webhook: failed for good (gave up after 5 attempts: fetch failed)",
    );
    expect(describeDeliveries({ deliveries: [delivery({ attempts: 3 }), delivery({ channel: "email", status: "skipped" })] })).toBe("Fired by webhook: sent after 3 attempts; Fired by email: not configured");
  });
});
