// Amazon marketplaces: each belongs to one region, and one authorization covers a whole region.
// Seller/Vendor Central hosts are Amazon's public ones; `site` is the short code the sandbox uses.
export type Region = "NA" | "EU" | "FE";

export interface Marketplace {
  id: string;
  country: string;
  name: string;
  site: string;
  region: Region;
  sellerCentral: string;
  vendorCentral: string;
}

export const MARKETPLACES: readonly Marketplace[] = [
  { id: "ATVPDKIKX0DER", country: "US", name: "United States", site: "us", region: "NA", sellerCentral: "https://sellercentral.amazon.com", vendorCentral: "https://vendorcentral.amazon.com" },
  { id: "A2EUQ1WTGCTBG2", country: "CA", name: "Canada", site: "ca", region: "NA", sellerCentral: "https://sellercentral.amazon.ca", vendorCentral: "https://vendorcentral.amazon.ca" },
  { id: "A1AM78C64UM0Y8", country: "MX", name: "Mexico", site: "mx", region: "NA", sellerCentral: "https://sellercentral.amazon.com.mx", vendorCentral: "https://vendorcentral.amazon.com.mx" },
  { id: "A2Q3Y263D00KWC", country: "BR", name: "Brazil", site: "br", region: "NA", sellerCentral: "https://sellercentral.amazon.com.br", vendorCentral: "https://vendorcentral.amazon.com.br" },
  { id: "A1F83G8C2ARO7P", country: "GB", name: "United Kingdom", site: "uk", region: "EU", sellerCentral: "https://sellercentral.amazon.co.uk", vendorCentral: "https://vendorcentral.amazon.co.uk" },
  { id: "A1PA6795UKMFR9", country: "DE", name: "Germany", site: "de", region: "EU", sellerCentral: "https://sellercentral.amazon.de", vendorCentral: "https://vendorcentral.amazon.de" },
  { id: "A13V1IB3VIYZZH", country: "FR", name: "France", site: "fr", region: "EU", sellerCentral: "https://sellercentral.amazon.fr", vendorCentral: "https://vendorcentral.amazon.fr" },
  { id: "APJ6JRA9NG5V4", country: "IT", name: "Italy", site: "it", region: "EU", sellerCentral: "https://sellercentral.amazon.it", vendorCentral: "https://vendorcentral.amazon.it" },
  { id: "A1RKKUPIHCS9HS", country: "ES", name: "Spain", site: "es", region: "EU", sellerCentral: "https://sellercentral.amazon.es", vendorCentral: "https://vendorcentral.amazon.es" },
  { id: "A1VC38T7YXB528", country: "JP", name: "Japan", site: "jp", region: "FE", sellerCentral: "https://sellercentral.amazon.co.jp", vendorCentral: "https://vendorcentral.amazon.co.jp" },
  { id: "A39IBJ37TRP1C6", country: "AU", name: "Australia", site: "au", region: "FE", sellerCentral: "https://sellercentral.amazon.com.au", vendorCentral: "https://vendorcentral.amazon.com.au" },
  { id: "A19VAU5U5O7RUS", country: "SG", name: "Singapore", site: "sg", region: "FE", sellerCentral: "https://sellercentral.amazon.sg", vendorCentral: "https://vendorcentral.amazon.com.sg" },
];

const byId = new Map(MARKETPLACES.map((m) => [m.id, m]));

export function findMarketplace(id: string): Marketplace | undefined {
  return byId.get(id);
}

export function marketplacesIn(region: Region): Marketplace[] {
  return MARKETPLACES.filter((m) => m.region === region);
}

export const REGIONS: readonly { id: Region; name: string; awsRegion: string }[] = [
  { id: "NA", name: "North America", awsRegion: "us-east-1" },
  { id: "EU", name: "Europe", awsRegion: "eu-west-1" },
  { id: "FE", name: "Far East", awsRegion: "us-west-2" },
];
