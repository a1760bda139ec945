import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetServerEnvForTests } from "@/lib/env";
import { createReminderToken, reminderLink, verifyReminderToken } from "@/lib/lifecycle/reminder-link";

const DAY = 86_400_000;

beforeAll(() => {
  process.env.AUTH_SECRET = "unit-test-auth-secret-0123456789abcdef";
  process.env.APP_URL = "https://latchkey.example.com";
  process.env.REMINDER_LINK_TTL_DAYS = "14";
  resetServerEnvForTests();
});
afterAll(() => {
  delete process.env.REMINDER_LINK_TTL_DAYS;
  resetServerEnvForTests();
});

describe("signed reminder links", () => {
  const now = new Date("2026-12-01T08:00:00Z");

  it("links to APP_URL/connect/renew and names the authorization until it expires", () => {
    const link = new URL(reminderLink("auth_123", now));
    expect(`${link.origin}${link.pathname}`).toBe("https://latchkey.example.com/connect/renew");
    const token = link.searchParams.get("token");
    expect(verifyReminderToken(token, new Date(now.getTime() + 13 * DAY))).toEqual({ ok: true, authorizationId: "auth_123" });
    expect(verifyReminderToken(token, new Date(now.getTime() + 14 * DAY))).toEqual({ ok: false, reason: "expired" });
  });

  it("refuses a token whose payload was changed, a cut-off token and garbage", () => {
    const token = createReminderToken("auth_123", now);
    const [, signature] = token.split(".");
    const forged = `${Buffer.from(JSON.stringify({ a: "auth_other", e: 9_999_999_999, p: "reauthorize" })).toString("base64url")}.${signature}`;
    expect(verifyReminderToken(forged, now)).toEqual({ ok: false, reason: "invalid" });
    expect(verifyReminderToken(token.slice(0, -3), now)).toEqual({ ok: false, reason: "invalid" });
    expect(verifyReminderToken("not-a-token", now)).toEqual({ ok: false, reason: "invalid" });
    expect(verifyReminderToken(undefined, now)).toEqual({ ok: false, reason: "invalid" });
    expect(verifyReminderToken(`${token}.extra`, now)).toEqual({ ok: false, reason: "invalid" });
  });
});
