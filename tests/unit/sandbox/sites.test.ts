import { describe, expect, it } from "vitest";
import { parseCentralSite } from "../../../sandbox/consent/central-site";
import { findMarketplace, MARKETPLACES } from "../../../sandbox/state/marketplaces";
import { SEED_ACCOUNTS } from "../../../sandbox/state/seed";
import { defaultSiteForRegion, regionForSite } from "../../../sandbox/state/sites";

describe("site → region", () => {
  it.each([
    ["us", "NA"],
    ["ca", "NA"],
    ["mx", "NA"],
    ["br", "NA"],
    ["uk", "EU"],
    ["de", "EU"],
    ["fr", "EU"],
    ["it", "EU"],
    ["es", "EU"],
    ["in", "EU"],
    ["jp", "FE"],
    ["au", "FE"],
    ["sg", "FE"],
    ["UK", "EU"],
  ])("%s is in %s", (site, region) => {
    expect(regionForSite(site)).toBe(region);
  });

  it("knows no made-up site", () => {
    expect(regionForSite("zz")).toBeUndefined();
  });

  it("gives each region a default site", () => {
    expect([defaultSiteForRegion("NA"), defaultSiteForRegion("EU"), defaultSiteForRegion("FE")]).toEqual(["us", "uk", "jp"]);
  });

  it("parses Seller/Vendor Central paths", () => {
    expect(parseCentralSite("/sellercentral/de/apps/authorize/consent")).toEqual({ central: "sellercentral", site: "de", region: "EU", accountType: "seller", rest: "/apps/authorize/consent" });
    expect(parseCentralSite("/vendorcentral/jp/apps/develop")).toMatchObject({ region: "FE", accountType: "vendor" });
    expect(parseCentralSite("/othercentral/us/apps/develop")).toBeUndefined();
    expect(parseCentralSite("/sellercentral/zz/apps/develop")).toBeUndefined();
  });
});

describe("marketplaces and seed accounts", () => {
  it("uses the documented marketplace IDs", () => {
    expect(findMarketplace("ATVPDKIKX0DER")?.region).toBe("NA");
    expect(findMarketplace("A1F83G8C2ARO7P")?.countryCode).toBe("GB");
    expect(findMarketplace("A1VC38T7YXB528")?.region).toBe("FE");
    expect(new Set(MARKETPLACES.map((marketplace) => marketplace.id)).size).toBe(MARKETPLACES.length);
  });

  it("seeds two sellers and one vendor group per region, each seller's marketplaces in its region", () => {
    for (const region of ["NA", "EU", "FE"] as const) {
      const accounts = SEED_ACCOUNTS.filter((account) => account.region === region);
      expect(accounts.filter((account) => account.type === "seller")).toHaveLength(2);
      expect(accounts.filter((account) => account.type === "vendor")).toHaveLength(1);
      for (const account of accounts) for (const id of account.marketplaces) expect(findMarketplace(id)?.region).toBe(region);
    }
    expect(SEED_ACCOUNTS.filter((account) => account.type === "vendor").every((account) => account.sellingPartnerId.startsWith("amzn1.vg.") && account.vendorCodes.length > 0)).toBe(true);
  });
});
