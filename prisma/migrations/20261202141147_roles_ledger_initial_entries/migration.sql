-- The initial roles ledger: the entries Latchkey shipped in lib/roles/ledger.ts before the ledger became
-- data (issue 14 §4). Approved by nobody (approvedById NULL): they came with Latchkey. Every later change is a
-- proposal a second admin approves on /admin/ledger. The integration tests' database reset runs this file
-- again, so keep it one INSERT statement.
INSERT INTO "LedgerEntry" ("id", "api", "operationId", "roles", "partnerKinds", "reason", "approvedAt", "createdAt", "updatedAt") VALUES
  ('ledger-initial-1-participations', 'sellers', 'getMarketplaceParticipations', ARRAY['Selling Partner Insights'], ARRAY['SELLER']::"PartnerKind"[], 'To check that the connection works and to record which marketplaces you sell in.', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('ledger-initial-2-account', 'sellers', 'getAccount', ARRAY['Selling Partner Insights'], ARRAY['SELLER']::"PartnerKind"[], 'To show your business name on your connection page.', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('ledger-initial-3-order', 'ordersV0', 'getOrder', ARRAY['Inventory and Order Tracking', 'Direct to Consumer Shipping (Restricted)'], ARRAY['SELLER']::"PartnerKind"[], 'To sync your orders; a buyer''s address is read only with a short-lived restricted token when an order is shipped.', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('ledger-initial-4-purchase-orders', 'vendorOrders', 'getPurchaseOrders', ARRAY['Inventory and Order Tracking', 'Amazon Fulfillment'], ARRAY['VENDOR']::"PartnerKind"[], 'To check that the connection works and to sync Amazon''s purchase orders to you.', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);
