import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";

/** "15 minutes", "1 hour", "2 days": a duration in seconds, in the words a person would use (in `locale`). */
export function plainDuration(seconds: number, locale: Locale = DEFAULT_LOCALE): string {
  const t = translatorFor(locale);
  const minutes = Math.max(1, Math.round(seconds / 60));
  if (minutes < 60) return t("emails.duration", { unit: "minute", count: minutes });
  const hours = Math.round(minutes / 60);
  if (minutes % 60 === 0 && hours < 48) return t("emails.duration", { unit: "hour", count: hours });
  if (minutes < 48 * 60) return t("emails.duration", { unit: "minute", count: minutes });
  const days = Math.round(hours / 24);
  return t("emails.duration", { unit: "day", count: days });
}
