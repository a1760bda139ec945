import "server-only";
import type { Region } from "./regions";
import { callSpApi } from "./spapi";

interface MarketplaceParticipations {
  payload?: { marketplace: { id: string; name?: string }; participation: { isParticipating: boolean; hasSuspendedListings?: boolean }; storeName?: string }[];
}

export interface ConnectivityProbe {
  operation: "getMarketplaceParticipations" | "getPurchaseOrders";
  /** Marketplaces the seller actually participates in (sellers only). */
  marketplaceIds: string[];
  storeName?: string;
}

/** The cheapest call that proves a seller's token works (AMAZON.md): getMarketplaceParticipations. */
export async function probeSeller(region: Region, accessToken: string): Promise<ConnectivityProbe> {
  const { data } = await callSpApi<MarketplaceParticipations>({ region, accessToken, method: "GET", path: "/sellers/v1/marketplaceParticipations" });
  const participations = data.payload ?? [];
  return {
    operation: "getMarketplaceParticipations",
    marketplaceIds: participations.filter((p) => p.participation.isParticipating).map((p) => p.marketplace.id),
    storeName: participations.find((p) => p.storeName)?.storeName,
  };
}

/** A vendor's equivalent: one purchase order from the last week, with the parameters the model requires. */
export async function probeVendor(region: Region, accessToken: string, now = new Date()): Promise<ConnectivityProbe> {
  const createdAfter = new Date(now.getTime() - 7 * 24 * 60 * 60 * 1000).toISOString();
  await callSpApi({ region, accessToken, method: "GET", path: "/vendor/orders/v1/purchaseOrders", query: { limit: 1, createdAfter } });
  return { operation: "getPurchaseOrders", marketplaceIds: [] };
}
