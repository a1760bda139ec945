// The language of a partner email: the same catalogs as the portal (messages/<locale>.json, `emails.*`).
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import type { EmailAccount } from "./account";

export type { Locale } from "@/lib/i18n/locales";

export function emailIntl(locale: Locale = DEFAULT_LOCALE) {
  const t = translatorFor(locale);
  /** "Seller Central" / "Vendor Central" as Amazon names it in this language. */
  const central = (account: Pick<EmailAccount, "central">) => t("common.central", { kind: account.central === "Vendor Central" ? "VENDOR" : "SELLER" });
  return { t, locale, central };
}
