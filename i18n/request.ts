// next-intl's request configuration (without i18n routing: URLs stay the same for every language). The
// language follows lib/i18n/resolve-locale.ts: the partner's saved choice, the switcher's cookie, the
// browser's Accept-Language, the marketplaces the partner sells in, English. A visitor who came through a
// connect link has no session: the link's business and marketplace stand in for the partner's.
import { getRequestConfig } from "next-intl/server";
import { cookies } from "next/headers";
import { getCurrentUser } from "@/lib/auth/session";
import { readConnectLinkSession } from "@/lib/connect-links/connect-link-session";
import { CONNECT_LINK_COOKIE } from "@/lib/connect-links/connect-link-url";
import { MESSAGES } from "@/lib/i18n/messages";
import { requestLocaleSignals } from "@/lib/i18n/request-locale";
import { resolveLocale, type LocaleSignals } from "@/lib/i18n/resolve-locale";
import { TIME_ZONE } from "@/lib/i18n/translator";
import { getTenantLocaleSignals } from "@/lib/tenants/tenant-locale";

async function businessSignals(tenantId: string | null | undefined): Promise<Pick<LocaleSignals, "saved" | "marketplaceIds">> {
  if (tenantId) return getTenantLocaleSignals(tenantId);
  const link = await readConnectLinkSession((await cookies()).get(CONNECT_LINK_COOKIE)?.value);
  if (!link) return {};
  const tenant = await getTenantLocaleSignals(link.tenantId);
  return { saved: tenant.saved, marketplaceIds: [link.marketplaceId, ...(tenant.marketplaceIds ?? [])] };
}

export default getRequestConfig(async () => {
  const [request, user] = await Promise.all([requestLocaleSignals(), getCurrentUser()]);
  const locale = resolveLocale({ ...request, ...(await businessSignals(user?.tenantId)) });
  return { locale, messages: MESSAGES[locale], timeZone: TIME_ZONE };
});
