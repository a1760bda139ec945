// Which language a partner is addressed in, in this order: the language they chose (saved on their business,
// or the switcher's cookie before they signed in), else what their browser asks for (Accept-Language), else
// the language of the marketplaces they sell in, else English.
import { findMarketplace } from "@/lib/amazon/marketplaces";
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from "./locales";

export interface LocaleSignals {
  /** The language saved on the partner's business (the tenant contact). */
  saved?: string | null;
  /** The switcher's cookie. */
  cookie?: string | null;
  /** The request's Accept-Language header. */
  acceptLanguage?: string | null;
  /** The marketplaces the partner sells in (their authorizations', else the ones they registered). */
  marketplaceIds?: readonly string[];
}

/** Maps one language tag to a supported locale: exact first, then by language (`de-AT` → `de`, `zh-Hans` → `zh-CN`). */
export function matchLocale(tag: string): Locale | undefined {
  const lower = tag.trim().toLowerCase();
  if (!lower || lower === "*") return undefined;
  const exact = LOCALES.find((locale) => locale.toLowerCase() === lower);
  if (exact) return exact;
  const [language, ...rest] = lower.split(/[-_]/);
  // Traditional Chinese readers are not served by a Simplified catalog any better than by English.
  if (language === "zh") return rest.some((part) => ["hant", "tw", "hk", "mo"].includes(part)) ? undefined : "zh-CN";
  return LOCALES.find((locale) => locale === language);
}

/** The supported locales an Accept-Language header asks for, most wanted first (q=0 means "not this"). */
export function localesFromAcceptLanguage(header: string | null | undefined): Locale[] {
  if (!header) return [];
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number(q.slice(2)) : 1;
      return { tag, quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  const locales: Locale[] = [];
  for (const entry of ranked) {
    const locale = matchLocale(entry.tag);
    if (locale && !locales.includes(locale)) locales.push(locale);
  }
  return locales;
}

/** The first marketplace (in the partner's order) whose language Latchkey speaks. */
export function localeFromMarketplaces(marketplaceIds: readonly string[] | undefined): Locale | undefined {
  for (const id of marketplaceIds ?? []) {
    const language = findMarketplace(id)?.language;
    const locale = language ? matchLocale(language) : undefined;
    if (locale) return locale;
  }
  return undefined;
}

export function resolveLocale(signals: LocaleSignals): Locale {
  if (isLocale(signals.saved)) return signals.saved;
  if (isLocale(signals.cookie)) return signals.cookie;
  return localesFromAcceptLanguage(signals.acceptLanguage)[0] ?? localeFromMarketplaces(signals.marketplaceIds) ?? DEFAULT_LOCALE;
}
