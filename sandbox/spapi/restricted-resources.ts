import { matchPath } from "../http/route";
import type { RestrictedResource } from "../state/types";

export interface RestrictedOperation {
  method: RestrictedResource["method"];
  path: string;
  /** Orders getOrder/getOrders/getOrderItems: the only resources that take `dataElements`. */
  takesDataElements: boolean;
}

const orders = (path: string, takesDataElements = false): RestrictedOperation => ({ method: "GET", path, takesDataElements });

/** The restricted operations AMAZON.md lists, by method and path template. */
export const RESTRICTED_OPERATIONS: readonly RestrictedOperation[] = [
  orders("/orders/v0/orders", true),
  orders("/orders/v0/orders/{orderId}", true),
  orders("/orders/v0/orders/{orderId}/orderItems", true),
  orders("/orders/v0/orders/{orderId}/address"),
  orders("/orders/v0/orders/{orderId}/buyerInfo"),
  orders("/orders/v0/orders/{orderId}/orderItems/buyerInfo"),
  orders("/orders/v0/orders/{orderId}/regulatedInfo"),
  { method: "GET", path: "/mfn/v0/shipments/{shipmentId}", takesDataElements: false },
  { method: "DELETE", path: "/mfn/v0/shipments/{shipmentId}", takesDataElements: false },
  { method: "POST", path: "/mfn/v0/shipments", takesDataElements: false },
  { method: "GET", path: "/vendor/directFulfillment/orders/v1/purchaseOrders", takesDataElements: false },
  { method: "GET", path: "/vendor/directFulfillment/orders/v1/purchaseOrders/{purchaseOrderNumber}", takesDataElements: false },
  { method: "GET", path: "/vendor/directFulfillment/orders/2021-12-28/purchaseOrders", takesDataElements: false },
  { method: "GET", path: "/vendor/directFulfillment/orders/2021-12-28/purchaseOrders/{purchaseOrderNumber}", takesDataElements: false },
  { method: "GET", path: "/vendor/directFulfillment/shipping/v1/shippingLabels", takesDataElements: false },
  { method: "GET", path: "/vendor/directFulfillment/shipping/v1/shippingLabels/{purchaseOrderNumber}", takesDataElements: false },
  { method: "GET", path: "/vendor/directFulfillment/shipping/2021-12-28/shippingLabels", takesDataElements: false },
  { method: "GET", path: "/vendor/directFulfillment/shipping/2021-12-28/shippingLabels/{purchaseOrderNumber}", takesDataElements: false },
  { method: "GET", path: "/vendor/directFulfillment/shipping/v1/packingSlips", takesDataElements: false },
  { method: "GET", path: "/vendor/directFulfillment/shipping/v1/packingSlips/{purchaseOrderNumber}", takesDataElements: false },
  { method: "GET", path: "/vendor/directFulfillment/shipping/2021-12-28/packingSlips", takesDataElements: false },
  { method: "GET", path: "/vendor/directFulfillment/shipping/2021-12-28/packingSlips/{purchaseOrderNumber}", takesDataElements: false },
  { method: "GET", path: "/vendor/directFulfillment/shipping/v1/customerInvoices", takesDataElements: false },
  { method: "GET", path: "/vendor/directFulfillment/shipping/v1/customerInvoices/{purchaseOrderNumber}", takesDataElements: false },
  { method: "GET", path: "/vendor/directFulfillment/shipping/2021-12-28/customerInvoices", takesDataElements: false },
  { method: "GET", path: "/vendor/directFulfillment/shipping/2021-12-28/customerInvoices/{purchaseOrderNumber}", takesDataElements: false },
  { method: "POST", path: "/easyShip/2022-03-23/packages/bulk", takesDataElements: false },
  { method: "GET", path: "/reports/2021-06-30/documents/{reportDocumentId}", takesDataElements: false },
  { method: "GET", path: "/fba/outbound/brazil/v0/shipments/{shipmentId}", takesDataElements: false },
  { method: "GET", path: "/shipping/v1/shipments/{shipmentId}", takesDataElements: false },
];

export const DATA_ELEMENTS = ["buyerInfo", "shippingAddress", "buyerTaxInformation"] as const;

/** The restricted operation a requested resource names, either by template (`{orderId}`) or a concrete path. */
export function findRestrictedOperation(method: string, path: string): RestrictedOperation | undefined {
  return RESTRICTED_OPERATIONS.find((operation) => operation.method === method && (operation.path === path || matchPath(operation.path, path) !== undefined));
}

/** Does an RDT resource cover this request? A template covers any value; a concrete path only itself. */
export function resourceCovers(resource: RestrictedResource, method: string, requestPath: string): boolean {
  if (resource.method !== method) return false;
  if (resource.path === requestPath) return true;
  const templated = /\{\w+\}/.test(resource.path);
  return templated && matchPath(resource.path, requestPath) !== undefined;
}
