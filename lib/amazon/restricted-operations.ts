// Operations that need a Restricted Data Token (AMAZON.md). Paths may be given with concrete ids
// (/orders/v0/orders/123-4567890-1234567) or with placeholders ({orderId}).
export interface RestrictedOperation {
  operation: string;
  method: "GET" | "POST" | "PUT" | "DELETE";
  path: string;
  /** Only these operations accept `dataElements`. */
  dataElements?: readonly string[];
}

export const RESTRICTED_OPERATIONS: readonly RestrictedOperation[] = [
  { operation: "getOrders", method: "GET", path: "/orders/v0/orders", dataElements: ["buyerInfo", "shippingAddress", "buyerTaxInformation"] },
  { operation: "getOrder", method: "GET", path: "/orders/v0/orders/{orderId}", dataElements: ["buyerInfo", "shippingAddress", "buyerTaxInformation"] },
  { operation: "getOrderItems", method: "GET", path: "/orders/v0/orders/{orderId}/orderItems", dataElements: ["buyerInfo"] },
  { operation: "getOrderAddress", method: "GET", path: "/orders/v0/orders/{orderId}/address" },
  { operation: "getOrderBuyerInfo", method: "GET", path: "/orders/v0/orders/{orderId}/buyerInfo" },
  { operation: "getOrderItemsBuyerInfo", method: "GET", path: "/orders/v0/orders/{orderId}/orderItems/buyerInfo" },
  { operation: "getOrderRegulatedInfo", method: "GET", path: "/orders/v0/orders/{orderId}/regulatedInfo" },
  { operation: "getShipment (Merchant Fulfillment)", method: "GET", path: "/mfn/v0/shipments/{shipmentId}" },
  { operation: "cancelShipment (Merchant Fulfillment)", method: "DELETE", path: "/mfn/v0/shipments/{shipmentId}" },
  { operation: "createShipment (Merchant Fulfillment)", method: "POST", path: "/mfn/v0/shipments" },
  { operation: "getOrders (Direct Fulfillment)", method: "GET", path: "/vendor/directFulfillment/orders/2021-12-28/purchaseOrders" },
  { operation: "getOrder (Direct Fulfillment)", method: "GET", path: "/vendor/directFulfillment/orders/2021-12-28/purchaseOrders/{purchaseOrderNumber}" },
  { operation: "getShippingLabels", method: "GET", path: "/vendor/directFulfillment/shipping/2021-12-28/shippingLabels" },
  { operation: "getShippingLabel", method: "GET", path: "/vendor/directFulfillment/shipping/2021-12-28/shippingLabels/{purchaseOrderNumber}" },
  { operation: "getPackingSlips", method: "GET", path: "/vendor/directFulfillment/shipping/2021-12-28/packingSlips" },
  { operation: "getPackingSlip", method: "GET", path: "/vendor/directFulfillment/shipping/2021-12-28/packingSlips/{purchaseOrderNumber}" },
  { operation: "getCustomerInvoices", method: "GET", path: "/vendor/directFulfillment/shipping/2021-12-28/customerInvoices" },
  { operation: "getCustomerInvoice", method: "GET", path: "/vendor/directFulfillment/shipping/2021-12-28/customerInvoices/{purchaseOrderNumber}" },
  { operation: "createScheduledPackageBulk", method: "POST", path: "/easyShip/2022-03-23/packages/bulk" },
  { operation: "getReportDocument", method: "GET", path: "/reports/2021-06-30/documents/{reportDocumentId}" },
  { operation: "getShipmentDetails", method: "GET", path: "/fba/outbound/brazil/v0/shipments/{shipmentId}" },
  { operation: "getShipment (Shipping)", method: "GET", path: "/shipping/v1/shipments/{shipmentId}" },
];

const matchers = RESTRICTED_OPERATIONS.map((op) => ({
  op,
  pattern: new RegExp(`^${op.path.replace(/\{[^}]+\}/g, "(?:\\{[^}/]+\\}|[^/{}]+)")}$`),
}));

/** The restricted operation a method + path names, or undefined when it needs no RDT. */
export function findRestrictedOperation(method: string, path: string): RestrictedOperation | undefined {
  return matchers.find((m) => m.op.method === method && m.pattern.test(path))?.op;
}
