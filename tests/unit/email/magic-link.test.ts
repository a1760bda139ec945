import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { plainDuration } from "@/emails/components/plain-duration";
import MagicLinkEmail, { magicLinkSubject } from "@/emails/magic-link";
import { renderEmail } from "@/lib/email/render-email";

const url = "https://latchkey.example/api/auth/callback/email?callbackUrl=%2Fportal&token=abc123def456&email=seller%40shop.test";

describe("the magic-link email", () => {
  it("has a subject a seller recognises", () => {
    expect(magicLinkSubject()).toBe("Your Latchkey sign-in link");
  });

  it("renders the link as a button and in full, in html and in plain text", async () => {
    const { html, text } = await renderEmail(createElement(MagicLinkEmail, { url, email: "seller@shop.test", expiresInSeconds: 900 }));
    const escaped = url.replace(/&/g, "&amp;");
    expect(html).toContain(`href="${escaped}"`);
    expect(html.split(`href="${escaped}"`).length - 1).toBe(2);
    expect(html).toContain("Sign in to Latchkey");
    expect(text).toContain(url);
    expect(text).toContain("seller@shop.test");
  });

  it("says how long the link works in plain words, and what to do if you did not ask for it", async () => {
    const { html, text } = await renderEmail(createElement(MagicLinkEmail, { url, email: "seller@shop.test", expiresInSeconds: 900 }));
    expect(text).toContain("This link works for 15 minutes and only once.");
    expect(text).toMatch(/If you didn.t ask to sign in, you can safely ignore this email\./);
    expect(html).toContain("Latchkey");
  });

  it("renders with its preview props (react-email's preview server)", async () => {
    const { text } = await renderEmail(createElement(MagicLinkEmail, MagicLinkEmail.PreviewProps));
    expect(text).toContain(MagicLinkEmail.PreviewProps.url);
  });
});

describe("plainDuration", () => {
  it.each([
    [60, "1 minute"],
    [900, "15 minutes"],
    [3600, "1 hour"],
    [5400, "90 minutes"],
    [7200, "2 hours"],
    [86400, "24 hours"],
    [7 * 86400, "7 days"],
  ])("%i seconds is %s", (seconds, words) => {
    expect(plainDuration(seconds)).toBe(words);
  });
});
