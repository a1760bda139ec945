// Translations outside a request (emails rendered by workflows): the same catalogs and ICU formatting the
// pages use, for a locale passed in.
import { createFormatter, createTranslator } from "use-intl/core";
import { DEFAULT_LOCALE, isLocale, type Locale } from "./locales";
import { MESSAGES } from "./messages";

/** All dates are shown in UTC, as everywhere else in Latchkey. */
export const TIME_ZONE = "UTC";

export function toLocale(value: string | null | undefined): Locale {
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

export function translatorFor(locale: Locale) {
  return createTranslator({ locale, messages: MESSAGES[locale], timeZone: TIME_ZONE });
}

export function formatterFor(locale: Locale) {
  return createFormatter({ locale, timeZone: TIME_ZONE });
}
