// A marketplace's country in the reader's language (Intl.DisplayNames), e.g. "Deutschland", "ドイツ".
import { findMarketplace } from "@/lib/amazon/marketplaces";
import type { Locale } from "./locales";

export function marketplaceName(locale: Locale, marketplaceId: string): string {
  const marketplace = findMarketplace(marketplaceId);
  if (!marketplace) return marketplaceId;
  if (locale === "en") return marketplace.name;
  return new Intl.DisplayNames([locale], { type: "region" }).of(marketplace.country) ?? marketplace.name;
}
