// Issue 13 §5: details that only mean something in some statuses. A disconnected authorization shows no
// "Passed" test and no renewal counting down; a flow that came back from Amazon but never connected is shown
// as unfinished (after the time a running callback could still need).
import { describe, expect, it } from "vitest";
import { lastTestDetail, renewalDetail, unfinishedAttemptAt, UNFINISHED_AFTER_MS } from "@/lib/authorizations/status-details";

const now = new Date("2026-12-02T10:00:00Z");
const tested = { lastConnectivityAt: new Date("2026-12-02T09:00:00Z"), lastConnectivityOk: true, renewalDueAt: new Date(now.getTime() + 365 * 86_400_000) };

describe("status-appropriate connection details", () => {
  it("shows a connected authorization's last test and renewal countdown", () => {
    expect(lastTestDetail({ status: "ACTIVE", ...tested })).toMatchObject({ ok: true, text: expect.stringMatching(/^Passed · /) });
    expect(renewalDetail({ status: "ACTIVE", ...tested }, now)).toContain("in 365 days");
  });

  it("never shows a disconnected authorization's old test as Passed, nor its renewal counting down", () => {
    const revoked = { status: "REVOKED" as const, ...tested };
    expect(lastTestDetail(revoked)).toEqual({ ok: null, text: "None since it was disconnected" });
    expect(lastTestDetail(revoked).text).not.toContain("Passed");
    expect(renewalDetail(revoked, now)).not.toMatch(/days/);
    expect(renewalDetail({ status: "PENDING", ...tested }, now)).toBe("—");
  });

  it("calls a never-connected flow unfinished once its state was consumed long enough ago", () => {
    const consumed = (ago: number) => [{ consumedAt: new Date(now.getTime() - ago) }];
    expect(unfinishedAttemptAt({ status: "PENDING", oauthStates: consumed(UNFINISHED_AFTER_MS + 1000) }, now)).toEqual(new Date(now.getTime() - UNFINISHED_AFTER_MS - 1000));
    expect(unfinishedAttemptAt({ status: "PENDING", oauthStates: consumed(5000) }, now)).toBeNull();
    expect(unfinishedAttemptAt({ status: "PENDING", oauthStates: [{ consumedAt: null }] }, now)).toBeNull();
    expect(unfinishedAttemptAt({ status: "ACTIVE", oauthStates: consumed(UNFINISHED_AFTER_MS + 1000) }, now)).toBeNull();
  });
});
