import type { Account, SandboxConfig, StateData, Stats } from "./types";

/** Deterministic test accounts: two sellers and one vendor group per region. */
export const SEED_ACCOUNTS: readonly Account[] = [
  { sellingPartnerId: "A2SBXSELLERNA01", name: "Sandbox Seller NA 1", type: "seller", region: "NA", marketplaces: ["ATVPDKIKX0DER", "A2EUQ1WTGCTBG2", "A1AM78C64UM0Y8"], vendorCodes: [], storeName: "Sandbox Store NA 1" },
  { sellingPartnerId: "A2SBXSELLERNA02", name: "Sandbox Seller NA 2", type: "seller", region: "NA", marketplaces: ["ATVPDKIKX0DER", "A2Q3Y263D00KWC"], vendorCodes: [], storeName: "Sandbox Store NA 2" },
  { sellingPartnerId: "amzn1.vg.SBXVENDORNA01", name: "Sandbox Vendor Group NA 1", type: "vendor", region: "NA", marketplaces: [], vendorCodes: ["SBXNA1", "SBXNA2"], storeName: "Sandbox Vendor NA 1" },
  { sellingPartnerId: "A2SBXSELLEREU01", name: "Sandbox Seller EU 1", type: "seller", region: "EU", marketplaces: ["A1F83G8C2ARO7P", "A1PA6795UKMFR9", "A13V1IB3VIYZZH", "APJ6JRA9NG5V4", "A1RKKUPIHCS9HS"], vendorCodes: [], storeName: "Sandbox Store EU 1" },
  { sellingPartnerId: "A2SBXSELLEREU02", name: "Sandbox Seller EU 2", type: "seller", region: "EU", marketplaces: ["A1PA6795UKMFR9"], vendorCodes: [], storeName: "Sandbox Store EU 2" },
  { sellingPartnerId: "amzn1.vg.SBXVENDOREU01", name: "Sandbox Vendor Group EU 1", type: "vendor", region: "EU", marketplaces: [], vendorCodes: ["SBXEU1"], storeName: "Sandbox Vendor EU 1" },
  { sellingPartnerId: "A2SBXSELLERFE01", name: "Sandbox Seller FE 1", type: "seller", region: "FE", marketplaces: ["A1VC38T7YXB528", "A39IBJ37TRP1C6", "A19VAU5U5O7RUS"], vendorCodes: [], storeName: "Sandbox Store FE 1" },
  { sellingPartnerId: "A2SBXSELLERFE02", name: "Sandbox Seller FE 2", type: "seller", region: "FE", marketplaces: ["A1VC38T7YXB528"], vendorCodes: [], storeName: "Sandbox Store FE 2" },
  { sellingPartnerId: "amzn1.vg.SBXVENDORFE01", name: "Sandbox Vendor Group FE 1", type: "vendor", region: "FE", marketplaces: [], vendorCodes: ["SBXJP1"], storeName: "Sandbox Vendor FE 1" },
];

export function emptyStats(): Stats {
  return {
    lwa: { total: 0, byGrantType: {}, byStatus: {}, byClient: {} },
    spapi: { total: 0, byOperation: {}, byStatus: {}, userAgents: {}, lastUserAgent: null },
  };
}

export interface SeedOptions {
  now: number;
  defaultApplicationId: string;
  config: SandboxConfig;
}

/** A fresh state without apps; the store registers the configured apps on top. */
export function buildSeedState(options: SeedOptions): StateData {
  return {
    version: 1,
    createdAt: options.now,
    clockOffsetMs: 0,
    defaultApplicationId: options.defaultApplicationId,
    config: { ...options.config },
    apps: [],
    accounts: SEED_ACCOUNTS.map((account) => ({ ...account, marketplaces: [...account.marketplaces], vendorCodes: [...account.vendorCodes] })),
    refreshTokens: [],
    accessTokens: [],
    authorizationCodes: [],
    amazonStates: [],
    restrictedDataTokens: [],
    destinations: [],
    notifications: [],
    deliveries: [],
    selfAuthorizations: {},
    stats: emptyStats(),
  };
}
