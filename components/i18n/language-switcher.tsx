"use client";

import { Languages } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useActionState, useRef } from "react";
import { chooseLanguageAction, saveLanguageAction } from "@/lib/actions/connect/choose-language";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/locales";

/**
 * The language switcher on every partner and sign-in page. A partner with a business saves the choice on it
 * (their emails follow); anyone else keeps it in a cookie until they register.
 */
export function LanguageSwitcher({ saveForTenant }: { saveForTenant: boolean }) {
  const t = useTranslations("common");
  const locale = useLocale();
  const [, action, pending] = useActionState(saveForTenant ? saveLanguageAction : chooseLanguageAction, null);
  const form = useRef<HTMLFormElement>(null);
  return (
    <form ref={form} action={action} className="flex items-center gap-1.5" data-testid="language-switcher">
      <Languages className="size-4 text-muted-foreground" aria-hidden />
      <label htmlFor="language-select" className="sr-only">
        {t("language")}
      </label>
      <select
        id="language-select"
        name="locale"
        defaultValue={locale}
        key={locale}
        disabled={pending}
        onChange={() => form.current?.requestSubmit()}
        className="h-8 rounded-md border bg-card px-2 text-sm focus-visible:outline-2 focus-visible:outline-ring"
      >
        {LOCALES.map((value) => (
          <option key={value} value={value} lang={value}>
            {LOCALE_NAMES[value]}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit" className="rounded-md border px-2 py-1 text-sm">
          {t("language")}
        </button>
      </noscript>
    </form>
  );
}
