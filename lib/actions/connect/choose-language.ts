"use server";

import { z } from "zod";
import { tenantAction } from "@/lib/auth/action-guards";
import type { ActionResult } from "@/lib/auth/action-guards";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import { rememberLocale } from "@/lib/i18n/request-locale";
import { setContactLocale } from "@/lib/tenants/tenant-locale";

const languageInput = z.object({ locale: z.enum(LOCALES) });

/** A signed-in partner's choice: saved on their business (portal and emails), and in the cookie. */
export const saveLanguageAction = tenantAction(languageInput, async ({ locale }, { tenantId, actor }) => {
  await setContactLocale(tenantId, locale, actor);
  await rememberLocale(locale);
  return locale;
}, { revalidate: { layout: "/" } });

/** A signed-out visitor's choice (sign-in pages, registration): kept in a cookie, saved when they register. */
export async function chooseLanguageAction(_previous: ActionResult<Locale> | null, form: FormData): Promise<ActionResult<Locale>> {
  const parsed = languageInput.safeParse({ locale: form.get("locale") });
  if (!parsed.success) return { ok: false, error: { code: "invalid_input", message: "Unknown language." } };
  await rememberLocale(parsed.data.locale);
  return { ok: true, data: parsed.data.locale };
}
