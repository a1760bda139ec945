// Amazon marketplaces: each belongs to one region, and one authorization covers a whole region.
// Ids from Amazon's "Marketplace IDs" page; Seller/Vendor Central hosts from its "Seller Central URLs"
// and "Vendor Central URLs" pages (https://developer-docs.amazon.com/sp-api/docs/marketplace-ids,
// …/seller-central-urls, …/vendor-central-urls; read 2026-12-02). `site` is the short code the sandbox uses.
import { REGION_NAMES, type Region } from "./regions";

export interface Marketplace {
  id: string;
  country: string;
  name: string;
  site: string;
  region: Region;
  /** The marketplace's own Seller Central, where its consent page is. */
  sellerCentral: string;
  /** Other Seller Central hosts Amazon serves this marketplace from (Seller Central Europe). */
  sellerCentralAliases: readonly string[];
  vendorCentral: string;
  /** The language the marketplace's Seller Central speaks by default (BCP 47), used when nothing else says which. */
  language: string;
}

/** Seller Central Europe: Amazon's unified Seller Central for the UK, DE, FR, IT and ES marketplaces. */
const SELLER_CENTRAL_EUROPE = "https://sellercentral-europe.amazon.com";

/** Default language per marketplace country (Amazon's own default for the marketplace's site). */
const LANGUAGES: Record<string, string> = {
  US: "en-US", CA: "en-CA", MX: "es-MX", BR: "pt-BR", GB: "en-GB", DE: "de-DE", FR: "fr-FR", IT: "it-IT", ES: "es-ES",
  NL: "nl-NL", SE: "sv-SE", PL: "pl-PL", BE: "fr-BE", IE: "en-IE", TR: "tr-TR", AE: "ar-AE", SA: "ar-SA", EG: "ar-EG",
  IN: "en-IN", ZA: "en-ZA", JP: "ja-JP", AU: "en-AU", SG: "en-SG",
};

const marketplace = (id: string, country: string, name: string, site: string, region: Region, sellerCentral: string, vendorCentral: string, sellerCentralAliases: readonly string[] = []): Marketplace => ({
  id,
  country,
  name,
  site,
  region,
  sellerCentral: `https://${sellerCentral}`,
  sellerCentralAliases,
  vendorCentral: `https://${vendorCentral}`,
  language: LANGUAGES[country] ?? "en",
});

export const MARKETPLACES: readonly Marketplace[] = [
  marketplace("ATVPDKIKX0DER", "US", "United States", "us", "NA", "sellercentral.amazon.com", "vendorcentral.amazon.com"),
  marketplace("A2EUQ1WTGCTBG2", "CA", "Canada", "ca", "NA", "sellercentral.amazon.ca", "vendorcentral.amazon.ca"),
  marketplace("A1AM78C64UM0Y8", "MX", "Mexico", "mx", "NA", "sellercentral.amazon.com.mx", "vendorcentral.amazon.com.mx"),
  marketplace("A2Q3Y263D00KWC", "BR", "Brazil", "br", "NA", "sellercentral.amazon.com.br", "vendorcentral.amazon.com.br"),
  marketplace("A1F83G8C2ARO7P", "GB", "United Kingdom", "uk", "EU", "sellercentral.amazon.co.uk", "vendorcentral.amazon.co.uk", [SELLER_CENTRAL_EUROPE]),
  marketplace("A1PA6795UKMFR9", "DE", "Germany", "de", "EU", "sellercentral.amazon.de", "vendorcentral.amazon.de", [SELLER_CENTRAL_EUROPE]),
  marketplace("A13V1IB3VIYZZH", "FR", "France", "fr", "EU", "sellercentral.amazon.fr", "vendorcentral.amazon.fr", [SELLER_CENTRAL_EUROPE]),
  marketplace("APJ6JRA9NG5V4", "IT", "Italy", "it", "EU", "sellercentral.amazon.it", "vendorcentral.amazon.it", [SELLER_CENTRAL_EUROPE]),
  marketplace("A1RKKUPIHCS9HS", "ES", "Spain", "es", "EU", "sellercentral.amazon.es", "vendorcentral.amazon.es", [SELLER_CENTRAL_EUROPE]),
  marketplace("A1805IZSGTT6HS", "NL", "Netherlands", "nl", "EU", "sellercentral.amazon.nl", "vendorcentral.amazon.nl"),
  marketplace("A2NODRKZP88ZB9", "SE", "Sweden", "se", "EU", "sellercentral.amazon.se", "vendorcentral.amazon.se"),
  marketplace("A1C3SOZRARQ6R3", "PL", "Poland", "pl", "EU", "sellercentral.amazon.pl", "vendorcentral.amazon.pl"),
  marketplace("AMEN7PMS3EDWL", "BE", "Belgium", "be", "EU", "sellercentral.amazon.com.be", "vendorcentral.amazon.com.be"),
  // Amazon's Vendor Central list was not readable here for Ireland and South Africa: these two hosts
  // follow the marketplace's domain and are unconfirmed (AMAZON_VENDOR_CENTRAL_URL overrides them).
  marketplace("A28R8C7NBKEWEA", "IE", "Ireland", "ie", "EU", "sellercentral.amazon.ie", "vendorcentral.amazon.ie"),
  marketplace("A33AVAJ2PDY3EV", "TR", "Turkey", "tr", "EU", "sellercentral.amazon.com.tr", "vendorcentral.amazon.com.tr"),
  marketplace("A2VIGQ35RCS4UG", "AE", "United Arab Emirates", "ae", "EU", "sellercentral.amazon.ae", "vendorcentral.amazon.me"),
  marketplace("A17E79C6D8DWNP", "SA", "Saudi Arabia", "sa", "EU", "sellercentral.amazon.com.sa", "vendorcentral.amazon.me"),
  marketplace("ARBP9OOSHTCHU", "EG", "Egypt", "eg", "EU", "sellercentral.amazon.eg", "vendorcentral.amazon.me"),
  marketplace("A21TJRUUN4KGV", "IN", "India", "in", "EU", "sellercentral.amazon.in", "vendorcentral.amazon.in"),
  marketplace("AE08WJ6YKNBMC", "ZA", "South Africa", "za", "EU", "sellercentral.amazon.co.za", "vendorcentral.amazon.co.za"),
  marketplace("A1VC38T7YXB528", "JP", "Japan", "jp", "FE", "sellercentral.amazon.co.jp", "vendorcentral.amazon.co.jp"),
  marketplace("A39IBJ37TRP1C6", "AU", "Australia", "au", "FE", "sellercentral.amazon.com.au", "vendorcentral.amazon.com.au"),
  marketplace("A19VAU5U5O7RUS", "SG", "Singapore", "sg", "FE", "sellercentral.amazon.sg", "vendorcentral.amazon.com.sg"),
];

const byId = new Map(MARKETPLACES.map((m) => [m.id, m]));

export function findMarketplace(id: string): Marketplace | undefined {
  return byId.get(id);
}

export function marketplacesIn(region: Region): Marketplace[] {
  return MARKETPLACES.filter((m) => m.region === region);
}

export const REGIONS: readonly { id: Region; name: string; awsRegion: string }[] = [
  { id: "NA", name: REGION_NAMES.NA, awsRegion: "us-east-1" },
  { id: "EU", name: REGION_NAMES.EU, awsRegion: "eu-west-1" },
  { id: "FE", name: REGION_NAMES.FE, awsRegion: "us-west-2" },
];

const hostOf = (url: string) => new URL(url).host;

// Host → marketplace, built once; a host several marketplaces share (Seller Central Europe) names the first.
const bySellerCentralHost = new Map<string, Marketplace>();
for (const m of MARKETPLACES) {
  for (const url of [m.sellerCentral, ...m.sellerCentralAliases]) {
    if (!bySellerCentralHost.has(hostOf(url))) bySellerCentralHost.set(hostOf(url), m);
  }
}
const vendorCentralHosts = new Set(MARKETPLACES.map((m) => hostOf(m.vendorCentral)));

/** The marketplace whose Seller Central is at this exact host (`sellercentral.amazon.de`), if any. */
export function findMarketplaceBySellerCentralHost(host: string): Marketplace | undefined {
  return bySellerCentralHost.get(host);
}

/** Is this exactly one of Amazon's Vendor Central hosts? */
export function isVendorCentralHost(host: string): boolean {
  return vendorCentralHosts.has(host);
}
