import { describe, expect, it } from "vitest";
import { findMarketplace, findMarketplaceBySellerCentralHost, isVendorCentralHost, MARKETPLACES, marketplacesIn } from "@/lib/amazon/marketplaces";

describe("Amazon's marketplaces", () => {
  it("are all 23, each in its region, with Amazon's marketplace ids", () => {
    expect(marketplacesIn("NA").map((m) => [m.country, m.id])).toEqual([
      ["US", "ATVPDKIKX0DER"],
      ["CA", "A2EUQ1WTGCTBG2"],
      ["MX", "A1AM78C64UM0Y8"],
      ["BR", "A2Q3Y263D00KWC"],
    ]);
    expect(marketplacesIn("EU").map((m) => [m.country, m.id])).toEqual([
      ["GB", "A1F83G8C2ARO7P"],
      ["DE", "A1PA6795UKMFR9"],
      ["FR", "A13V1IB3VIYZZH"],
      ["IT", "APJ6JRA9NG5V4"],
      ["ES", "A1RKKUPIHCS9HS"],
      ["NL", "A1805IZSGTT6HS"],
      ["SE", "A2NODRKZP88ZB9"],
      ["PL", "A1C3SOZRARQ6R3"],
      ["BE", "AMEN7PMS3EDWL"],
      ["IE", "A28R8C7NBKEWEA"],
      ["TR", "A33AVAJ2PDY3EV"],
      ["AE", "A2VIGQ35RCS4UG"],
      ["SA", "A17E79C6D8DWNP"],
      ["EG", "ARBP9OOSHTCHU"],
      ["IN", "A21TJRUUN4KGV"],
      ["ZA", "AE08WJ6YKNBMC"],
    ]);
    expect(marketplacesIn("FE").map((m) => [m.country, m.id])).toEqual([
      ["JP", "A1VC38T7YXB528"],
      ["AU", "A39IBJ37TRP1C6"],
      ["SG", "A19VAU5U5O7RUS"],
    ]);
    expect(new Set(MARKETPLACES.map((m) => m.site)).size).toBe(MARKETPLACES.length);
  });

  it("have HTTPS Seller and Vendor Central hosts on Amazon's domains", () => {
    for (const m of MARKETPLACES) {
      for (const url of [m.sellerCentral, m.vendorCentral, ...m.sellerCentralAliases]) {
        const parsed = new URL(url);
        expect(parsed.protocol, url).toBe("https:");
        expect(parsed.hostname, url).toMatch(/^(sellercentral|sellercentral-europe|vendorcentral)\.amazon\.[a-z.]+$/);
        expect(parsed.pathname, url).toBe("/");
      }
    }
    expect(findMarketplace("AE08WJ6YKNBMC")?.sellerCentral).toBe("https://sellercentral.amazon.co.za");
    expect(findMarketplace("A17E79C6D8DWNP")?.vendorCentral).toBe("https://vendorcentral.amazon.me");
  });

  it("resolve a Seller Central host exactly, Seller Central Europe to the first EU marketplace", () => {
    expect(findMarketplaceBySellerCentralHost("sellercentral.amazon.com.be")?.country).toBe("BE");
    expect(findMarketplaceBySellerCentralHost("sellercentral-europe.amazon.com")?.country).toBe("GB");
    expect(findMarketplaceBySellerCentralHost("sellercentral.amazon.com.evil.example")).toBeUndefined();
    expect(findMarketplaceBySellerCentralHost("vendorcentral.amazon.com")).toBeUndefined();
    expect(isVendorCentralHost("vendorcentral.amazon.me")).toBe(true);
    expect(isVendorCentralHost("sellercentral.amazon.com")).toBe(false);
  });
});
