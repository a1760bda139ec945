import { describe, expect, it } from "vitest";
import { canonicalMagicLink } from "@/lib/auth/send-magic-link";

describe("canonicalMagicLink", () => {
  it("points the link at APP_URL whatever Host the request claimed", () => {
    const forged = "http://evil.example:8080/api/auth/callback/email?callbackUrl=%2F&token=t1&email=a%40b.test";
    expect(canonicalMagicLink(forged, "https://portal.latchkey.test")).toBe(
      "https://portal.latchkey.test/api/auth/callback/email?callbackUrl=%2F&token=t1&email=a%40b.test",
    );
    expect(canonicalMagicLink(forged, "http://localhost:3100")).toMatch(/^http:\/\/localhost:3100\/api\/auth\/callback\/email\?/);
  });
});
