import { DAY_MS, HOUR_MS } from "../clock";
import { stableNumber } from "../ids";
import { findMarketplace } from "../state/marketplaces";
import { spapiError, type SpApiResult } from "./errors";
import { rolesForApi } from "./generic/role-mappings";
import type { Operation, OperationCall } from "./operation";
import { isoSeconds } from "./purchase-order-data";
import { resourceCovers } from "./restricted-resources";

const ORDER_ID = /^\d{3}-\d{7}-\d{7}$/;

/**
 * `GET /orders/v0/orders/{orderId}` — here to demonstrate Restricted Data Tokens: it answers only to an
 * RDT covering the path, and includes BuyerInfo / ShippingAddress when the RDT asked for those data elements.
 * Deviation (by design): real Amazon also answers a plain access token, without the PII; the sandbox
 * refuses it with 403 so a missing RDT is obvious in tests.
 */
function getOrder(call: OperationCall): SpApiResult {
  if (call.caller.kind !== "restricted") throw new Error("getOrder needs a restricted data token");
  const orderId = call.params.orderId ?? "";
  // unconfirmed: Amazon's answer for an order ID that does not exist is undocumented.
  if (!ORDER_ID.test(orderId)) return spapiError(404, "NotFound", "The order was not found.", orderId);
  const { account, rdt } = call.caller;
  const marketplace = findMarketplace(account.marketplaces[0] ?? "") ?? findMarketplace("ATVPDKIKX0DER");
  const seed = stableNumber(`${account.sellingPartnerId}:${orderId}`);
  const now = call.ctx.store.clock.now();
  const purchasedAt = now - ((seed % 72) + 1) * HOUR_MS;
  const dataElements = new Set(rdt.resources.filter((resource) => resourceCovers(resource, "GET", call.path)).flatMap((resource) => resource.dataElements ?? []));
  const currency = marketplace?.defaultCurrencyCode ?? "USD";
  const countryCode = marketplace?.countryCode ?? "US";
  return {
    status: 200,
    body: {
      payload: {
        AmazonOrderId: orderId,
        PurchaseDate: isoSeconds(purchasedAt),
        LastUpdateDate: isoSeconds(purchasedAt + HOUR_MS),
        OrderStatus: "Unshipped",
        FulfillmentChannel: "MFN",
        SalesChannel: marketplace?.name ?? "Amazon.com",
        ShipServiceLevel: "Std Dom",
        OrderTotal: { CurrencyCode: currency, Amount: ((seed % 20000) / 100 + 5).toFixed(2) },
        NumberOfItemsShipped: 0,
        NumberOfItemsUnshipped: (seed % 3) + 1,
        PaymentMethod: "Other",
        PaymentMethodDetails: ["Standard"],
        IsReplacementOrder: false,
        MarketplaceId: marketplace?.id ?? "ATVPDKIKX0DER",
        ShipmentServiceLevelCategory: "Standard",
        OrderType: "StandardOrder",
        EarliestShipDate: isoSeconds(purchasedAt + DAY_MS),
        LatestShipDate: isoSeconds(purchasedAt + 2 * DAY_MS),
        IsBusinessOrder: false,
        IsPrime: seed % 2 === 0,
        IsGlobalExpressEnabled: false,
        IsPremiumOrder: false,
        IsSoldByAB: false,
        IsISPU: false,
        IsAccessPointOrder: false,
        ...(dataElements.has("buyerInfo") ? { BuyerInfo: { BuyerEmail: `sbx${seed % 100000}@marketplace.amazon.com`, BuyerName: "Sandbox Buyer" } } : {}),
        ...(dataElements.has("shippingAddress")
          ? { ShippingAddress: { Name: "Sandbox Buyer", AddressLine1: "1 Sandbox Way", City: "Seattle", StateOrRegion: "WA", PostalCode: "98109", CountryCode: countryCode, AddressType: "Residential" } }
          : {}),
      },
    },
  };
}

export const ordersOperations: Operation[] = [
  {
    operationId: "getOrder",
    method: "GET",
    path: "/orders/v0/orders/{orderId}",
    usagePlan: { rate: 0.5, burst: 30, header: "0.5" },
    auth: { kind: "restricted", accountType: "seller" },
    roles: rolesForApi("ordersV0"),
    handle: getOrder,
  },
];
