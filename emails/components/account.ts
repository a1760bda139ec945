// The partner account an email is about, and how it is named in every lifecycle email.

export interface EmailAccount {
  /** The partner's business name. */
  businessName: string;
  central: "Seller Central" | "Vendor Central";
  /** "North America", "Europe", "Far East". */
  regionName: string;
  /** Seller id or vendor group id; null before the first connection. */
  sellingPartnerId: string | null;
}

export function accountFacts(account: EmailAccount, extra: { label: string; value: string }[] = []): { label: string; value: string }[] {
  return [
    { label: "Business", value: account.businessName },
    { label: "Account", value: `${account.central} · ${account.regionName}` },
    ...(account.sellingPartnerId ? [{ label: account.central === "Vendor Central" ? "Vendor group" : "Seller ID", value: account.sellingPartnerId }] : []),
    ...extra,
  ];
}

export const PREVIEW_ACCOUNT: EmailAccount = {
  businessName: "Northwind Outfitters",
  central: "Seller Central",
  regionName: "North America",
  sellingPartnerId: "A2NORTHWIND0001",
};
