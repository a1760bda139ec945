import "server-only";
import type { Region } from "./regions";
import { callSpApi } from "./spapi";

interface MarketplaceParticipations {
  payload?: { marketplace: { id: string; name?: string }; participation: { isParticipating: boolean; hasSuspendedListings?: boolean }; storeName?: string }[];
}

interface PurchaseOrders {
  payload?: { orders?: { orderDetails?: { sellingParty?: { partyId?: string } } }[] };
}

export interface ConnectivityProbe {
  operation: "getMarketplaceParticipations" | "getPurchaseOrders";
  /** Marketplaces the seller actually participates in (sellers only). */
  marketplaceIds: string[];
  storeName?: string;
  /** Every store name the participations carry (sellers only). */
  storeNames: string[];
  /** The vendor codes (selling parties) of the purchase orders read (vendors only). */
  vendorCodes: string[];
}

/** The cheapest call that proves a seller's token works (AMAZON.md): getMarketplaceParticipations. */
export async function probeSeller(region: Region, accessToken: string): Promise<ConnectivityProbe> {
  const { data } = await callSpApi<MarketplaceParticipations>({ region, accessToken, method: "GET", path: "/sellers/v1/marketplaceParticipations" });
  const participations = data.payload ?? [];
  return {
    operation: "getMarketplaceParticipations",
    marketplaceIds: participations.filter((p) => p.participation.isParticipating).map((p) => p.marketplace.id),
    storeName: participations.find((p) => p.storeName)?.storeName,
    storeNames: [...new Set(participations.flatMap((p) => (p.storeName ? [p.storeName] : [])))],
    vendorCodes: [],
  };
}

/**
 * A vendor's equivalent: the last week's purchase orders (one page), with the parameters the model requires;
 * their selling parties are the vendor codes the token can read.
 */
export async function probeVendor(region: Region, accessToken: string, now = new Date()): Promise<ConnectivityProbe> {
  const createdAfter = new Date(now.getTime() - 7 * 24 * 60 * 60 * 1000).toISOString();
  const { data } = await callSpApi<PurchaseOrders>({ region, accessToken, method: "GET", path: "/vendor/orders/v1/purchaseOrders", query: { limit: 100, createdAfter } });
  const vendorCodes = (data.payload?.orders ?? []).flatMap((order) => (order.orderDetails?.sellingParty?.partyId ? [order.orderDetails.sellingParty.partyId] : []));
  return { operation: "getPurchaseOrders", marketplaceIds: [], storeNames: [], vendorCodes: [...new Set(vendorCodes)] };
}
