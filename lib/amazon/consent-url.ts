import { findMarketplace } from "./marketplaces";

export interface ConsentUrlInput {
  partnerKind: "SELLER" | "VENDOR";
  marketplaceId: string;
  applicationId: string;
  state: string;
  draft: boolean;
  redirectUri?: string;
  /** Sandbox/mock hosts: `${override}/{site}` replaces the marketplace's Seller/Vendor Central. */
  sellerCentralOverride?: string;
  vendorCentralOverride?: string;
}

/** Amazon's consent page for the website authorization flow (AMAZON.md, step 1). */
export function buildConsentUrl(input: ConsentUrlInput): string {
  const marketplace = findMarketplace(input.marketplaceId);
  if (!marketplace) throw new Error(`unknown marketplace ${input.marketplaceId}`);
  const override = input.partnerKind === "SELLER" ? input.sellerCentralOverride : input.vendorCentralOverride;
  const central = override ? `${override.replace(/\/$/, "")}/${marketplace.site}` : input.partnerKind === "SELLER" ? marketplace.sellerCentral : marketplace.vendorCentral;
  const url = new URL(`${central}/apps/authorize/consent`);
  url.searchParams.set("application_id", input.applicationId);
  url.searchParams.set("state", input.state);
  // Draft apps must send version=beta (else MD1000); published apps must not.
  if (input.draft) url.searchParams.set("version", "beta");
  if (input.redirectUri) url.searchParams.set("redirect_uri", input.redirectUri);
  return url.toString();
}
