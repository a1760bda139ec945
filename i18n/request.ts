// next-intl's request configuration (without i18n routing: URLs stay the same for every language). The
// language follows lib/i18n/resolve-locale.ts: the partner's saved choice, the switcher's cookie, the
// browser's Accept-Language, the marketplaces the partner sells in, English.
import { getRequestConfig } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";
import { MESSAGES } from "@/lib/i18n/messages";
import { requestLocaleSignals } from "@/lib/i18n/request-locale";
import { resolveLocale } from "@/lib/i18n/resolve-locale";
import { TIME_ZONE } from "@/lib/i18n/translator";
import { getTenantLocaleSignals } from "@/lib/tenants/tenant-locale";

export default getRequestConfig(async () => {
  const [request, user] = await Promise.all([requestLocaleSignals(), getCurrentUser()]);
  const tenant = user?.tenantId ? await getTenantLocaleSignals(user.tenantId) : {};
  const locale = resolveLocale({ ...request, ...tenant });
  return { locale, messages: MESSAGES[locale], timeZone: TIME_ZONE };
});
