import { describe, expect, it } from "vitest";
import { sanitizeCallbackUrl, signInPath } from "@/lib/auth/callback-url";

describe("sanitizeCallbackUrl", () => {
  it("keeps same-origin paths with their query and fragment", () => {
    expect(sanitizeCallbackUrl("/admin/outbox")).toBe("/admin/outbox");
    expect(sanitizeCallbackUrl("/tenants/t1?tab=health#renewal")).toBe("/tenants/t1?tab=health#renewal");
    expect(sanitizeCallbackUrl("  /portal ")).toBe("/portal");
  });

  it.each([
    ["//evil.com"],
    ["//evil.com/path"],
    ["https://evil.com"],
    ["http://evil.com/admin"],
    ["/\\evil.com"],
    ["/\\/evil.com"],
    ["\\\\evil.com"],
    ["/\t/evil.com"],
    ["/\n/evil.com"],
    ["javascript:alert(1)"],
    ["data:text/html,hi"],
    ["evil.com"],
    [""],
    ["   "],
  ])("rejects %j", (value) => {
    expect(sanitizeCallbackUrl(value)).toBe("/");
  });

  it("falls back for anything that is not a string, or to the given fallback", () => {
    expect(sanitizeCallbackUrl(undefined)).toBe("/");
    expect(sanitizeCallbackUrl(["/a"])).toBe("/");
    expect(sanitizeCallbackUrl("//evil.com", { fallback: "/portal" })).toBe("/portal");
  });

  it("accepts an absolute URL only on the given origin (how Auth.js passes it)", () => {
    const origin = "http://localhost:3000";
    expect(sanitizeCallbackUrl("http://localhost:3000/admin?x=1", { origin })).toBe("/admin?x=1");
    expect(sanitizeCallbackUrl("http://localhost:3001/admin", { origin })).toBe("/");
    expect(sanitizeCallbackUrl("https://localhost:3000/admin", { origin })).toBe("/");
    expect(sanitizeCallbackUrl("http://localhost:3000.evil.com/", { origin })).toBe("/");
    expect(sanitizeCallbackUrl("http://user@evil.com/", { origin })).toBe("/");
    expect(sanitizeCallbackUrl("https://evil.com", { origin })).toBe("/");
  });

  it("normalizes dot segments instead of letting them climb out", () => {
    expect(sanitizeCallbackUrl("/a/../b")).toBe("/b");
    expect(sanitizeCallbackUrl("/..//evil.com")).toBe("/");
  });
});

describe("signInPath", () => {
  it("carries a safe path and drops an unsafe one", () => {
    expect(signInPath("/admin/outbox")).toBe("/sign-in?callbackUrl=%2Fadmin%2Foutbox");
    expect(signInPath("//evil.com")).toBe("/sign-in");
    expect(signInPath()).toBe("/sign-in");
  });
});
