// Dates and relative days in the reader's language, through Intl (UTC, as everywhere in Latchkey). English
// reads exactly as lib/utils/format.ts always did ("Dec 1, 2027", "in 30 days").
import { daysUntil } from "@/lib/utils/format";
import type { Locale } from "./locales";
import { TIME_ZONE } from "./translator";

const DATE: Intl.DateTimeFormatOptions = { year: "numeric", month: "short", day: "numeric", timeZone: TIME_ZONE };
const DATE_TIME: Intl.DateTimeFormatOptions = { ...DATE, hour: "2-digit", minute: "2-digit", timeZoneName: "short" };

export function formatLocalDate(locale: Locale, value: Date | null | undefined): string {
  return value ? new Intl.DateTimeFormat(locale, DATE).format(value) : "—";
}

export function formatLocalDateTime(locale: Locale, value: Date | null | undefined): string {
  return value ? new Intl.DateTimeFormat(locale, DATE_TIME).format(value) : "—";
}

/** "in 30 days", "tomorrow", "today", "3 days ago", in the locale's words. */
export function describeLocalDaysUntil(locale: Locale, value: Date, now = new Date()): string {
  const days = daysUntil(value, now);
  // English keeps Latchkey's own wording for yesterday ("1 day ago"); Intl says it naturally elsewhere.
  if (locale === "en" && days === -1) return "1 day ago";
  return new Intl.RelativeTimeFormat(locale, { numeric: "auto" }).format(days, "day");
}
