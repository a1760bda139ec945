import type { Region } from "../state/marketplaces";
import { accountTypeForCentral, parseCentral, regionForSite, type Central } from "../state/sites";
import type { AccountType } from "../state/types";

export interface CentralSite {
  central: Central;
  site: string;
  region: Region;
  accountType: AccountType;
  /** The path after `/{central}/{site}`, e.g. `/apps/authorize/consent`. */
  rest: string;
}

/** Parses `/sellercentral/us/apps/...` or `/vendorcentral/de/apps/...`. */
export function parseCentralSite(pathname: string): CentralSite | undefined {
  const match = /^\/([a-z]+)\/([a-zA-Z]{2})(\/.*)$/.exec(pathname);
  if (!match) return undefined;
  const central = parseCentral(match[1] ?? "");
  const site = (match[2] ?? "").toLowerCase();
  const region = regionForSite(site);
  if (!central || !region) return undefined;
  return { central, site, region, accountType: accountTypeForCentral(central), rest: match[3] ?? "/" };
}

export function centralLabel(central: Central): string {
  return central === "sellercentral" ? "Seller Central" : "Vendor Central";
}
