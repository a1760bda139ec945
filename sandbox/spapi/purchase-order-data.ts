import { DAY_MS, HOUR_MS } from "../clock";
import { stableNumber } from "../ids";
import type { Account } from "../state/types";

export type PurchaseOrderState = "New" | "Acknowledged" | "Closed";

export interface PurchaseOrderItem {
  itemSequenceNumber: string;
  amazonProductIdentifier: string;
  vendorProductIdentifier: string;
  orderedQuantity: { amount: number; unitOfMeasure: "Eaches" | "Cases"; unitSize: number };
  isBackOrderAllowed: boolean;
  netCost: { amount: string; currencyCode: string };
  listPrice: { amount: string; currencyCode: string };
}

/** `Order` of vendorOrders.json (with its details). */
export interface PurchaseOrder {
  purchaseOrderNumber: string;
  purchaseOrderState: PurchaseOrderState;
  orderDetails: {
    purchaseOrderDate: string;
    purchaseOrderChangedDate?: string;
    purchaseOrderStateChangedDate: string;
    purchaseOrderType: "RegularOrder";
    paymentMethod: "Invoice";
    buyingParty: { partyId: string };
    sellingParty: { partyId: string };
    shipToParty: { partyId: string };
    billToParty: { partyId: string };
    shipWindow: string;
    items: PurchaseOrderItem[];
  };
}

export interface GeneratedPurchaseOrder {
  order: PurchaseOrder;
  createdAt: number;
  changedAt: number;
  hasCancelledItem: boolean;
}

const DAYS_OF_HISTORY = 14;
const STATES: readonly PurchaseOrderState[] = ["New", "Acknowledged", "Closed"];
const CURRENCY: Record<Account["region"], string> = { NA: "USD", EU: "EUR", FE: "JPY" };
const WAREHOUSE: Record<Account["region"], string> = { NA: "SEA8", EU: "LTN1", FE: "NRT1" };

/** Amazon prints these timestamps without milliseconds. */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

function purchaseOrderNumber(seed: number): string {
  return seed.toString(36).toUpperCase().padStart(8, "0").slice(-8);
}

function items(seed: number, currencyCode: string, cancelled: boolean): PurchaseOrderItem[] {
  const count = (seed % 3) + 1;
  return Array.from({ length: count }, (_, index) => {
    const itemSeed = stableNumber(`${seed}:${index}`);
    const price = ((itemSeed % 40000) / 100 + 5).toFixed(2);
    return {
      itemSequenceNumber: String(index + 1),
      amazonProductIdentifier: `B0${(itemSeed % 100000000).toString(36).toUpperCase().padStart(8, "0")}`,
      vendorProductIdentifier: String(8806098000000 + (itemSeed % 999999)),
      orderedQuantity: { amount: cancelled && index === 0 ? 0 : (itemSeed % 12) + 1, unitOfMeasure: "Eaches", unitSize: 1 },
      isBackOrderAllowed: itemSeed % 2 === 0,
      netCost: { amount: price, currencyCode },
      listPrice: { amount: price, currencyCode },
    };
  });
}

/**
 * A vendor group's purchase orders: one per vendor code per day over the last two weeks, derived from
 * the vendor code and the date, so the same clock always gives the same orders.
 */
export function generatePurchaseOrders(account: Account, now: number): GeneratedPurchaseOrder[] {
  const startOfToday = Math.floor(now / DAY_MS) * DAY_MS;
  const orders: GeneratedPurchaseOrder[] = [];
  for (let day = 0; day < DAYS_OF_HISTORY; day += 1) {
    for (const vendorCode of account.vendorCodes) {
      const dayStart = startOfToday - day * DAY_MS;
      const seed = stableNumber(`${vendorCode}:${dayStart}`);
      const createdAt = dayStart + ((seed % 20) + 2) * HOUR_MS;
      if (createdAt > now) continue;
      const state = STATES[seed % STATES.length] ?? "New";
      const changedAt = seed % 4 === 0 ? Math.min(now, createdAt + 6 * HOUR_MS) : createdAt;
      const stateChangedAt = state === "New" ? createdAt : changedAt;
      const cancelled = state === "Closed" && seed % 5 === 0;
      const warehouse = WAREHOUSE[account.region];
      orders.push({
        createdAt,
        changedAt,
        hasCancelledItem: cancelled,
        order: {
          purchaseOrderNumber: purchaseOrderNumber(seed),
          purchaseOrderState: state,
          orderDetails: {
            purchaseOrderDate: isoSeconds(createdAt),
            ...(changedAt !== createdAt ? { purchaseOrderChangedDate: isoSeconds(changedAt) } : {}),
            purchaseOrderStateChangedDate: isoSeconds(stateChangedAt),
            purchaseOrderType: "RegularOrder",
            paymentMethod: "Invoice",
            buyingParty: { partyId: warehouse },
            sellingParty: { partyId: vendorCode },
            shipToParty: { partyId: warehouse },
            billToParty: { partyId: warehouse },
            shipWindow: `${isoSeconds(createdAt + DAY_MS)}--${isoSeconds(createdAt + 7 * DAY_MS)}`,
            items: items(seed, CURRENCY[account.region], cancelled),
          },
        },
      });
    }
  }
  return orders;
}
