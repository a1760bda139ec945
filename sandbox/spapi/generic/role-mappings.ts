import { ROLES, type Role } from "../../state/roles";

/**
 * Which roles grant each API's operations (any one suffices), condensed to one entry per model from Amazon's
 * "Role Mappings for SP-API Operations" (https://developer-docs.amazon.com/sp-api/docs/role-mappings, read
 * December 2026) and the use-case guides' "Roles" tables. Checked against those pages: A+ Content, Catalog
 * Items, FBA Inventory, Orders, Vendor Direct Fulfillment Shipping and the vendor role list; the others follow
 * the role definitions. Where the page's roles depend on a report, feed, notification or dataset type, and for
 * the Sellers API, every role grants the operation here. An API that is not listed (Tokens, and the grantless ones) has no role check.
 */
const ANY: readonly Role[] = ROLES;
const DIRECT_FULFILLMENT: readonly Role[] = ["Direct to Consumer Shipping (Restricted)"];
const VENDOR_RETAIL: readonly Role[] = ["Amazon Fulfillment"];
/** The Orders tutorials' list: every seller role but these three. */
const ORDERS: readonly Role[] = ROLES.filter((role) => role !== "Account Information Service Provider" && role !== "Amazon Warehousing and Distribution" && role !== "Brand Analytics");

export const API_ROLES: Readonly<Record<string, readonly Role[]>> = {
  "InvoicesApiModel_2024-06-19": ["Finance and Accounting", "Tax Invoicing (Restricted)"],
  "aplusContent_2020-11-01": ["Brand Analytics", "Product Listing"],
  "appIntegrations-2024-04-01": ANY,
  "awd_2024-05-09": ["Amazon Warehousing and Distribution"],
  catalogItemsV0: ["Product Listing"],
  "catalogItems_2020-12-01": ["Product Listing"],
  "catalogItems_2022-04-01": ["Product Listing"],
  "customerFeedback_2024-06-01": ["Brand Analytics", "Product Listing"],
  "dataKiosk_2023-11-15": ANY,
  "definitionsProductTypes_2020-09-01": ["Product Listing"],
  "deliveryShipmentInvoiceV2022-07-01": ["Amazon Fulfillment", "Tax Invoicing (Restricted)"],
  "easyShip_2022-03-23": ["Inventory and Order Tracking", "Direct to Consumer Shipping (Restricted)"],
  "externalFulfillmentInventory_2024-09-11": ["Inventory and Order Tracking", "Product Listing"],
  "externalFulfillmentReturns_2024-09-11": ["Inventory and Order Tracking", "Direct to Consumer Shipping (Restricted)"],
  "externalFulfillmentShipments_2024-09-11": ["Inventory and Order Tracking", "Direct to Consumer Shipping (Restricted)"],
  fbaInbound: ["Amazon Fulfillment", "Product Listing"],
  fbaInventory: ["Product Listing"],
  "feeds_2021-06-30": ANY,
  "financesInvoices_2026-06-25": ["Finance and Accounting"],
  financesV0: ["Finance and Accounting"],
  "finances_2024-06-19": ["Finance and Accounting"],
  fulfillmentInboundV0: ["Amazon Fulfillment"],
  "fulfillmentInbound_2024-03-20": ["Amazon Fulfillment"],
  "fulfillmentOutbound_2020-07-01": ["Amazon Fulfillment"],
  "fulfillmentOutbound_2026-07-04": ["Amazon Fulfillment"],
  "listingsItems_2020-09-01": ["Product Listing"],
  "listingsItems_2021-08-01": ["Product Listing"],
  "listingsRestrictions_2021-08-01": ["Product Listing"],
  merchantFulfillmentV0: ["Direct to Consumer Shipping (Restricted)"],
  messaging: ["Buyer Communication"],
  notifications: ANY,
  ordersV0: ORDERS,
  "orders_2026-01-01": ORDERS,
  productFeesV0: ["Pricing"],
  productPricingV0: ["Pricing"],
  "productPricing_2022-05-01": ["Pricing"],
  "replenishment-2022-11-07": ["Selling Partner Insights", "Product Listing"],
  "reports_2021-06-30": ANY,
  sales: ["Finance and Accounting", "Inventory and Order Tracking"],
  "sellerWallet_2024-03-01": ["Account Information Service Provider", "Finance and Accounting"],
  sellers: ANY,
  services: ["Professional Services (Restricted)", "Inventory and Order Tracking"],
  shipmentInvoicingV0: ["Tax Invoicing (Restricted)"],
  solicitations: ["Buyer Solicitation"],
  shipping: ["Direct to Consumer Shipping (Restricted)", "Inventory and Order Tracking"],
  shippingV2: ["Direct to Consumer Shipping (Restricted)", "Inventory and Order Tracking"],
  "supplySources_2020-07-01": ["Inventory and Order Tracking"],
  "tracking_2026-01-30": ["Inventory and Order Tracking", "Amazon Fulfillment"],
  "transfers_2024-06-01": ["Account Information Service Provider", "Finance and Accounting"],
  "uploads_2020-11-01": ["Buyer Communication", "Brand Analytics", "Product Listing"],
  "vehicles_2024-11-01": ["Product Listing"],
  vendorDirectFulfillmentInventoryV1: DIRECT_FULFILLMENT,
  vendorDirectFulfillmentOrdersV1: DIRECT_FULFILLMENT,
  "vendorDirectFulfillmentOrders_2021-12-28": DIRECT_FULFILLMENT,
  vendorDirectFulfillmentPaymentsV1: DIRECT_FULFILLMENT,
  "vendorDirectFulfillmentSandboxData_2021-10-28": DIRECT_FULFILLMENT,
  vendorDirectFulfillmentShippingV1: DIRECT_FULFILLMENT,
  "vendorDirectFulfillmentShipping_2021-12-28": DIRECT_FULFILLMENT,
  vendorDirectFulfillmentTransactionsV1: DIRECT_FULFILLMENT,
  "vendorDirectFulfillmentTransactions_2021-12-28": DIRECT_FULFILLMENT,
  vendorInvoices: VENDOR_RETAIL,
  vendorOrders: VENDOR_RETAIL,
  vendorShipments: VENDOR_RETAIL,
  vendorTransactionStatus: VENDOR_RETAIL,
};

/** The roles that grant an API's operations; undefined = no role check. */
export function rolesForApi(api: string): readonly Role[] | undefined {
  return API_ROLES[api];
}
