import type { Account, AccountType } from "./types";

/**
 * SP-API roles, named as on Amazon's "Role Mappings for SP-API Operations"
 * (https://developer-docs.amazon.com/sp-api/docs/role-mappings, read December 2026).
 */
export const ROLES = [
  "Account Information Service Provider",
  "Amazon Fulfillment",
  "Amazon Warehousing and Distribution",
  "Brand Analytics",
  "Buyer Communication",
  "Buyer Solicitation",
  "Direct to Consumer Shipping (Restricted)",
  "Finance and Accounting",
  "Inventory and Order Tracking",
  "Pricing",
  "Product Listing",
  "Professional Services (Restricted)",
  "Selling Partner Insights",
  "Tax Invoicing (Restricted)",
  "Tax Remittance (Restricted)",
] as const;
export type Role = (typeof ROLES)[number];

/** The same page: "Vendors have access to the following roles". */
export const VENDOR_ROLES: readonly Role[] = ["Amazon Fulfillment", "Amazon Warehousing and Distribution", "Brand Analytics", "Direct to Consumer Shipping (Restricted)", "Product Listing"];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Every role an account of this type can grant: what a seeded account (or one added without `roles`) has granted. */
export function allRolesFor(type: AccountType): readonly Role[] {
  return type === "vendor" ? VENDOR_ROLES : ROLES;
}

/** The roles an account has granted. */
export function grantedRoles(account: Pick<Account, "type" | "roles">): readonly string[] {
  return account.roles ?? allRolesFor(account.type);
}
