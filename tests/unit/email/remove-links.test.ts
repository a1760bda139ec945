import { describe, expect, it } from "vitest";
import { LINK_REMOVED, removeLinks } from "@/lib/email/remove-links";

const link = "https://app.test/api/auth/callback/email?callbackUrl=%2F&token=secret-token-1&email=a%40b.test";

describe("removeLinks", () => {
  it("removes a link in raw, html-escaped and url-encoded form", () => {
    const html = `<a href="${link.replace(/&/g, "&amp;")}">Sign in</a> ${link} ${encodeURIComponent(link)}`;
    const out = removeLinks(html, [link]);
    expect(out).not.toContain("secret-token-1");
    expect(out.split(LINK_REMOVED).length - 1).toBe(3);
    expect(out).toContain(">Sign in</a>");
  });

  it("leaves other links alone unless told to remove all", () => {
    const text = `Sign in: ${link}\nHelp: https://latchkey.test/help`;
    expect(removeLinks(text, [link])).toContain("https://latchkey.test/help");
    const all = removeLinks(text, true);
    expect(all).not.toContain("https://");
    expect(all).toBe(`Sign in: ${LINK_REMOVED}\nHelp: ${LINK_REMOVED}`);
  });
});
