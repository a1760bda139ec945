import { describe, expect, it } from "vitest";
import { MARKETPLACES } from "@/lib/amazon/marketplaces";
import { checkAmazonCallbackUri } from "@/lib/oauth/appstore";

const confirmPath = "/apps/authorize/confirm/amzn1.sp.solution.abc";

describe("the Appstore amazon_callback_uri allowlist", () => {
  it("accepts every marketplace's real Seller Central host, resolving it to that marketplace", () => {
    for (const m of MARKETPLACES) {
      const target = checkAmazonCallbackUri(`${m.sellerCentral}${confirmPath}`);
      expect(target, m.sellerCentral).toMatchObject({ ok: true, marketplace: { id: m.id } });
    }
  });

  it("accepts Seller Central Europe for the EU", () => {
    expect(checkAmazonCallbackUri(`https://sellercentral-europe.amazon.com${confirmPath}`)).toMatchObject({ ok: true, marketplace: { region: "EU" } });
  });

  it("sends vendors' Vendor Central hosts to the vendor explanation", () => {
    for (const m of MARKETPLACES) {
      expect(checkAmazonCallbackUri(`${m.vendorCentral}${confirmPath}`), m.vendorCentral).toEqual({ ok: false, failure: "vendor_appstore" });
    }
  });

  it.each([
    ["a look-alike suffix", "https://sellercentral.amazon.com.evil.example/apps/authorize/confirm"],
    ["a look-alike prefix", "https://evil-sellercentral.amazon.com/apps/authorize/confirm"],
    ["a subdomain of a real host", "https://x.sellercentral.amazon.com/apps/authorize/confirm"],
    ["a homograph", "https://sellercentral.amazοn.com/apps/authorize/confirm"],
    ["a trailing dot", "https://sellercentral.amazon.com./apps/authorize/confirm"],
    ["http", "http://sellercentral.amazon.com/apps/authorize/confirm"],
    ["another scheme", "javascript://sellercentral.amazon.com/%0aalert(1)"],
    ["ftp", "ftp://sellercentral.amazon.com/apps"],
    ["a port", "https://sellercentral.amazon.com:8443/apps/authorize/confirm"],
    ["userinfo", "https://user:pass@sellercentral.amazon.com/apps/authorize/confirm"],
    ["userinfo hiding the real host", "https://sellercentral.amazon.com@evil.example/apps/authorize/confirm"],
    ["a backslash trick", "https://evil.example\\@sellercentral.amazon.com/apps"],
    ["a scheme-relative URL", "//sellercentral.amazon.com/apps/authorize/confirm"],
    ["not a URL", "sellercentral.amazon.com"],
  ])("refuses %s", (_what, value) => {
    expect(checkAmazonCallbackUri(value)).toEqual({ ok: false, failure: "appstore_link_invalid" });
  });
});
