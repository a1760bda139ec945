import "server-only";
// What the current request says about its language: the switcher's cookie and the browser's Accept-Language.
import { cookies, headers } from "next/headers";
import { LOCALE_COOKIE, type Locale } from "./locales";
import { resolveLocale, type LocaleSignals } from "./resolve-locale";

export async function requestLocaleSignals(): Promise<Pick<LocaleSignals, "cookie" | "acceptLanguage">> {
  const [jar, incoming] = await Promise.all([cookies(), headers()]);
  return { cookie: jar.get(LOCALE_COOKIE)?.value ?? null, acceptLanguage: incoming.get("accept-language") };
}

/** The language of a signed-out request (sign-in pages, the sign-in email): the cookie, else the browser's. */
export async function requestLocale(): Promise<Locale> {
  return resolveLocale(await requestLocaleSignals());
}

/** Keeps the switcher's choice for a year (not httpOnly-sensitive: it only names a language). */
export async function rememberLocale(locale: Locale): Promise<void> {
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax", httpOnly: true });
}
