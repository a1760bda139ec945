// The partner account an email is about, and how it is named in every lifecycle email.
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";

export interface EmailAccount {
  /** The partner's business name. */
  businessName: string;
  central: "Seller Central" | "Vendor Central";
  /** "North America", "Europe", "Far East". */
  regionName: string;
  /** The region's code, so the email can name it in the reader's language. */
  region?: "NA" | "EU" | "FE";
  /** Seller id or vendor group id; null before the first connection. */
  sellingPartnerId: string | null;
}

export function accountFacts(account: EmailAccount, extra: { label: string; value: string }[] = [], locale: Locale = DEFAULT_LOCALE): { label: string; value: string }[] {
  const t = translatorFor(locale);
  const vendor = account.central === "Vendor Central";
  const central = t("common.central", { kind: vendor ? "VENDOR" : "SELLER" });
  const region = account.region ? t(`regions.${account.region}`) : account.regionName;
  return [
    { label: t("emails.facts.business"), value: account.businessName },
    { label: t("emails.facts.account"), value: `${central} · ${region}` },
    ...(account.sellingPartnerId ? [{ label: vendor ? t("emails.facts.vendorGroup") : t("emails.facts.sellerId"), value: account.sellingPartnerId }] : []),
    ...extra,
  ];
}

export const PREVIEW_ACCOUNT: EmailAccount = {
  businessName: "Northwind Outfitters",
  central: "Seller Central",
  regionName: "North America",
  region: "NA",
  sellingPartnerId: "A2NORTHWIND0001",
};
