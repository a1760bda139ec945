import "server-only";
// The connection test calls. Their answers are parsed with zod (the fields read, typed as Amazon's models
// sellers_v1 and vendorOrders say): a 200 in another shape throws amazon_unexpected_response (callSpApi), so
// it is never a passed test and never replaces the marketplaces or the account fingerprint stored.
import { z } from "zod";
import type { Region } from "./regions";
import { callSpApi } from "./spapi";

/** getMarketplaceParticipations (sellers_v1 GetMarketplaceParticipationsResponse): `payload` is the list. */
const marketplaceParticipations = z.object({
  payload: z.array(
    z.object({
      marketplace: z.object({ id: z.string().min(1), name: z.string().optional() }),
      participation: z.object({ isParticipating: z.boolean(), hasSuspendedListings: z.boolean().optional() }),
      storeName: z.string().optional(),
    }),
  ),
});

/** getPurchaseOrders (vendorOrders GetPurchaseOrdersResponse): `payload.orders`, each with its selling party. */
const purchaseOrders = z.object({
  payload: z.object({
    orders: z
      .array(z.object({ orderDetails: z.object({ sellingParty: z.object({ partyId: z.string().optional() }).optional() }).optional() }))
      .optional(),
  }),
});

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
  const { data } = await callSpApi({ region, accessToken, method: "GET", path: "/sellers/v1/marketplaceParticipations" }, marketplaceParticipations);
  const participations = data.payload;
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
  const { data } = await callSpApi({ region, accessToken, method: "GET", path: "/vendor/orders/v1/purchaseOrders", query: { limit: 100, createdAfter } }, purchaseOrders);
  const vendorCodes = (data.payload.orders ?? []).flatMap((order) => (order.orderDetails?.sellingParty?.partyId ? [order.orderDetails.sellingParty.partyId] : []));
  return { operation: "getPurchaseOrders", marketplaceIds: [], storeNames: [], vendorCodes: [...new Set(vendorCodes)] };
}
