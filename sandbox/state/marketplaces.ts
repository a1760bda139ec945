export type Region = "NA" | "EU" | "FE";

export const REGIONS: readonly Region[] = ["NA", "EU", "FE"];

export interface Marketplace {
  id: string;
  /** The Seller Central / Vendor Central site code used in the sandbox URLs (`/sellercentral/{site}/...`). */
  site: string;
  name: string;
  countryCode: string;
  defaultCurrencyCode: string;
  defaultLanguageCode: string;
  domainName: string;
  region: Region;
}

/** Marketplace IDs and regions as published in the SP-API documentation. */
export const MARKETPLACES: readonly Marketplace[] = [
  { id: "ATVPDKIKX0DER", site: "us", name: "Amazon.com", countryCode: "US", defaultCurrencyCode: "USD", defaultLanguageCode: "en_US", domainName: "www.amazon.com", region: "NA" },
  { id: "A2EUQ1WTGCTBG2", site: "ca", name: "Amazon.ca", countryCode: "CA", defaultCurrencyCode: "CAD", defaultLanguageCode: "en_CA", domainName: "www.amazon.ca", region: "NA" },
  { id: "A1AM78C64UM0Y8", site: "mx", name: "Amazon.com.mx", countryCode: "MX", defaultCurrencyCode: "MXN", defaultLanguageCode: "es_MX", domainName: "www.amazon.com.mx", region: "NA" },
  { id: "A2Q3Y263D00KWC", site: "br", name: "Amazon.com.br", countryCode: "BR", defaultCurrencyCode: "BRL", defaultLanguageCode: "pt_BR", domainName: "www.amazon.com.br", region: "NA" },
  { id: "A1F83G8C2ARO7P", site: "uk", name: "Amazon.co.uk", countryCode: "GB", defaultCurrencyCode: "GBP", defaultLanguageCode: "en_GB", domainName: "www.amazon.co.uk", region: "EU" },
  { id: "A1PA6795UKMFR9", site: "de", name: "Amazon.de", countryCode: "DE", defaultCurrencyCode: "EUR", defaultLanguageCode: "de_DE", domainName: "www.amazon.de", region: "EU" },
  { id: "A13V1IB3VIYZZH", site: "fr", name: "Amazon.fr", countryCode: "FR", defaultCurrencyCode: "EUR", defaultLanguageCode: "fr_FR", domainName: "www.amazon.fr", region: "EU" },
  { id: "APJ6JRA9NG5V4", site: "it", name: "Amazon.it", countryCode: "IT", defaultCurrencyCode: "EUR", defaultLanguageCode: "it_IT", domainName: "www.amazon.it", region: "EU" },
  { id: "A1RKKUPIHCS9HS", site: "es", name: "Amazon.es", countryCode: "ES", defaultCurrencyCode: "EUR", defaultLanguageCode: "es_ES", domainName: "www.amazon.es", region: "EU" },
  { id: "A1805IZSGTT6HS", site: "nl", name: "Amazon.nl", countryCode: "NL", defaultCurrencyCode: "EUR", defaultLanguageCode: "nl_NL", domainName: "www.amazon.nl", region: "EU" },
  { id: "A2NODRKZP88ZB9", site: "se", name: "Amazon.se", countryCode: "SE", defaultCurrencyCode: "SEK", defaultLanguageCode: "sv_SE", domainName: "www.amazon.se", region: "EU" },
  { id: "A1C3SOZRARQ6R3", site: "pl", name: "Amazon.pl", countryCode: "PL", defaultCurrencyCode: "PLN", defaultLanguageCode: "pl_PL", domainName: "www.amazon.pl", region: "EU" },
  { id: "AMEN7PMS3EDWL", site: "be", name: "Amazon.com.be", countryCode: "BE", defaultCurrencyCode: "EUR", defaultLanguageCode: "fr_BE", domainName: "www.amazon.com.be", region: "EU" },
  { id: "A33AVAJ2PDY3EV", site: "tr", name: "Amazon.com.tr", countryCode: "TR", defaultCurrencyCode: "TRY", defaultLanguageCode: "tr_TR", domainName: "www.amazon.com.tr", region: "EU" },
  { id: "A2VIGQ35RCS4UG", site: "ae", name: "Amazon.ae", countryCode: "AE", defaultCurrencyCode: "AED", defaultLanguageCode: "en_AE", domainName: "www.amazon.ae", region: "EU" },
  { id: "A17E79C6D8DWNP", site: "sa", name: "Amazon.sa", countryCode: "SA", defaultCurrencyCode: "SAR", defaultLanguageCode: "ar_AE", domainName: "www.amazon.sa", region: "EU" },
  { id: "ARBP9OOSHTCHU", site: "eg", name: "Amazon.eg", countryCode: "EG", defaultCurrencyCode: "EGP", defaultLanguageCode: "en_AE", domainName: "www.amazon.eg", region: "EU" },
  { id: "A21TJRUUN4KGV", site: "in", name: "Amazon.in", countryCode: "IN", defaultCurrencyCode: "INR", defaultLanguageCode: "en_IN", domainName: "www.amazon.in", region: "EU" },
  { id: "A1VC38T7YXB528", site: "jp", name: "Amazon.co.jp", countryCode: "JP", defaultCurrencyCode: "JPY", defaultLanguageCode: "ja_JP", domainName: "www.amazon.co.jp", region: "FE" },
  { id: "A39IBJ37TRP1C6", site: "au", name: "Amazon.com.au", countryCode: "AU", defaultCurrencyCode: "AUD", defaultLanguageCode: "en_AU", domainName: "www.amazon.com.au", region: "FE" },
  { id: "A19VAU5U5O7RUS", site: "sg", name: "Amazon.sg", countryCode: "SG", defaultCurrencyCode: "SGD", defaultLanguageCode: "en_SG", domainName: "www.amazon.sg", region: "FE" },
];

export function findMarketplace(id: string): Marketplace | undefined {
  return MARKETPLACES.find((marketplace) => marketplace.id === id);
}

export function parseRegion(value: string): Region | undefined {
  const upper = value.toUpperCase();
  return REGIONS.find((region) => region === upper);
}
