import { MARKETPLACES, type Region } from "./marketplaces";

export type Central = "sellercentral" | "vendorcentral";

/** Maps a Seller/Vendor Central site code (`us`, `uk`, `jp`, ...) to its SP-API region. */
export function regionForSite(site: string): Region | undefined {
  const lower = site.toLowerCase();
  return MARKETPLACES.find((marketplace) => marketplace.site === lower)?.region;
}

/** The site code of a region's first marketplace, used to build links for an account. */
export function defaultSiteForRegion(region: Region): string {
  const marketplace = MARKETPLACES.find((candidate) => candidate.region === region);
  if (!marketplace) throw new Error(`No marketplace for region ${region}`);
  return marketplace.site;
}

export function accountTypeForCentral(central: Central): "seller" | "vendor" {
  return central === "sellercentral" ? "seller" : "vendor";
}

export function parseCentral(value: string): Central | undefined {
  return value === "sellercentral" || value === "vendorcentral" ? value : undefined;
}
