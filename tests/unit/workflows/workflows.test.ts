import { describe, expect, it } from "vitest";
import { thresholdStage } from "@/lib/lifecycle/threshold-stage";
import { cronMatches, lastOccurrence } from "@/lib/workflows/cron-schedule";
import { describeWorkflowMode, inngestConnection } from "@/lib/workflows/mode";

const DAY = 86_400_000;

describe("which workflow engine runs", () => {
  const none = { INNGEST_BASE_URL: undefined, INNGEST_DEV: undefined, INNGEST_EVENT_KEY: undefined, INNGEST_SIGNING_KEY: undefined };

  it("runs in-process when nothing about Inngest is configured, and says so", () => {
    expect(inngestConnection(none).mode).toBe("in-process");
    expect(describeWorkflowMode(none)).toMatch(/^in-process/);
  });

  it("uses Inngest with a dev server, a base URL, or both Cloud keys; one key alone is not enough", () => {
    expect(inngestConnection({ ...none, INNGEST_DEV: "1" })).toMatchObject({ mode: "inngest", isDev: true });
    expect(inngestConnection({ ...none, INNGEST_DEV: "http://127.0.0.1:8288" })).toMatchObject({ mode: "inngest", isDev: true, baseUrl: "http://127.0.0.1:8288" });
    expect(inngestConnection({ ...none, INNGEST_BASE_URL: "https://inngest.internal" })).toMatchObject({ mode: "inngest", baseUrl: "https://inngest.internal" });
    expect(inngestConnection({ ...none, INNGEST_EVENT_KEY: "e", INNGEST_SIGNING_KEY: "signkey-prod-1" }).mode).toBe("inngest");
    expect(inngestConnection({ ...none, INNGEST_EVENT_KEY: "e" }).mode).toBe("in-process");
    expect(inngestConnection({ ...none, INNGEST_DEV: "0" }).mode).toBe("in-process");
    expect(describeWorkflowMode({ ...none, INNGEST_EVENT_KEY: "e", INNGEST_SIGNING_KEY: "s" })).toContain("Inngest Cloud");
  });
});

describe("the in-process cron schedule", () => {
  it("fires daily, every-n-minutes and list expressions in the right UTC minutes", () => {
    expect(cronMatches("TZ=UTC 0 6 * * *", new Date("2026-12-01T06:00:00Z"))).toBe(true);
    expect(cronMatches("TZ=UTC 0 6 * * *", new Date("2026-12-01T06:01:00Z"))).toBe(false);
    expect(cronMatches("TZ=UTC 0 6 * * *", new Date("2026-12-01T07:00:00Z"))).toBe(false);
    expect(cronMatches("*/10 * * * *", new Date("2026-12-01T07:30:00Z"))).toBe(true);
    expect(cronMatches("*/10 * * * *", new Date("2026-12-01T07:35:00Z"))).toBe(false);
    expect(cronMatches("0 9 * * 1-5", new Date("2026-12-05T09:00:00Z"))).toBe(false); // a Saturday
    expect(cronMatches("0 9 * * 1-5", new Date("2026-12-04T09:00:00Z"))).toBe(true);
    expect(cronMatches("15,45 * * * *", new Date("2026-12-04T09:45:00Z"))).toBe(true);
    expect(() => cronMatches("0 6 * *", new Date())).toThrow(/five fields/);
  });

  it("finds the latest occurrence at or before a time (the catch-up after boot claims it)", () => {
    expect(lastOccurrence("TZ=UTC 0 6 * * *", new Date("2026-12-01T10:17:30Z"))?.toISOString()).toBe("2026-12-01T06:00:00.000Z");
    expect(lastOccurrence("TZ=UTC 0 6 * * *", new Date("2026-12-01T05:59:00Z"))?.toISOString()).toBe("2026-11-30T06:00:00.000Z");
    expect(lastOccurrence("*/10 * * * *", new Date("2026-12-01T10:20:45Z"))?.toISOString()).toBe("2026-12-01T10:20:00.000Z");
    expect(lastOccurrence("0 9 * * 1-5", new Date("2026-12-06T12:00:00Z"))?.toISOString()).toBe("2026-12-04T09:00:00.000Z"); // Sunday → Friday
  });
});

describe("reminder thresholds", () => {
  const due = new Date("2027-01-10T12:00:00Z");
  const before = (ms: number) => new Date(due.getTime() - ms);

  it("reports the most urgent threshold crossed, with whole days left rounded down", () => {
    expect(thresholdStage(due, before(61 * DAY), [60, 30, 7, 0])).toBeNull();
    expect(thresholdStage(due, before(60 * DAY), [60, 30, 7, 0])).toEqual({ kind: "reminder", threshold: 60, daysLeft: 60 });
    expect(thresholdStage(due, before(31 * DAY), [60, 30, 7, 0])).toEqual({ kind: "reminder", threshold: 60, daysLeft: 31 });
    expect(thresholdStage(due, before(30 * DAY - 1), [60, 30, 7, 0])).toEqual({ kind: "reminder", threshold: 30, daysLeft: 29 });
    expect(thresholdStage(due, before(3 * DAY), [7, 30, 60, 0])).toEqual({ kind: "reminder", threshold: 7, daysLeft: 3 });
    expect(thresholdStage(due, before(3_600_000), [60, 30, 7, 0])).toEqual({ kind: "reminder", threshold: 0, daysLeft: 0 });
    expect(thresholdStage(due, due, [60, 30, 7, 0])).toEqual({ kind: "passed" });
  });
});
