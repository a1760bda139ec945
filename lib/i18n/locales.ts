// The languages the partner portal and partner emails speak. English is the default and the reference
// catalog: every other catalog has exactly its keys (tests/unit/i18n/catalogs.test.ts).

export const LOCALES = ["en", "zh-CN", "de", "fr", "es", "it", "ja"] as const;

export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = "en";

/** Each language in its own words, for the language switcher. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: "English",
  "zh-CN": "简体中文",
  de: "Deutsch",
  fr: "Français",
  es: "Español",
  it: "Italiano",
  ja: "日本語",
};

/** The cookie a signed-out visitor's choice is kept in (and a signed-in partner's, next to the saved one). */
export const LOCALE_COOKIE = "latchkey-locale";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}
