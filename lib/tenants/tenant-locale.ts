import "server-only";
// The language saved on a partner's business (its contact), and what else hints at it: the marketplaces its
// authorizations cover (Amazon's own list), then the ones it registered.
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import type { LocaleSignals } from "@/lib/i18n/resolve-locale";

export async function getTenantLocaleSignals(tenantId: string): Promise<Pick<LocaleSignals, "saved" | "marketplaceIds">> {
  const tenant = await db.tenant.findUnique({
    where: { id: tenantId },
    select: { contactLocale: true, marketplaceIds: true, authorizations: { select: { marketplaceIds: true }, orderBy: { createdAt: "asc" } } },
  });
  if (!tenant) return {};
  return { saved: tenant.contactLocale, marketplaceIds: [...tenant.authorizations.flatMap((a) => a.marketplaceIds), ...tenant.marketplaceIds] };
}

/** Saves the partner's language on their business: the portal and every email to its contact use it. */
export async function setContactLocale(tenantId: string, locale: Locale, actor: { userId: string; requestId?: string }): Promise<Locale> {
  if (!isLocale(locale)) throw new AppError("invalid_input", "Unknown language.");
  await db.$transaction(async (tx) => {
    const { count } = await tx.tenant.updateMany({ where: { id: tenantId }, data: { contactLocale: locale } });
    if (count === 0) throw new AppError("not_found", "Not found.");
    await recordAuditEvent({ action: "tenant.language_changed", actorType: "PARTNER", actorId: actor.userId, tenantId, requestId: actor.requestId, details: { locale } }, tx);
  });
  return locale;
}
