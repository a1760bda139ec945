import "server-only";
import type { EmailAccount } from "@/emails/components/account";
import { db } from "@/lib/db/client";
import { REGION_NAMES } from "@/lib/amazon/regions";
import type { Locale } from "@/lib/i18n/locales";
import { resolveLocale } from "@/lib/i18n/resolve-locale";

const select = {
  id: true,
  tenantId: true,
  region: true,
  status: true,
  sellingPartnerId: true,
  authorizedAt: true,
  renewalDueAt: true,
  lastUsedAt: true,
  inactiveSince: true,
  revokedAt: true,
  quarantinedAt: true,
  refreshTokenCiphertext: true,
  marketplaceIds: true,
  tenant: { select: { id: true, name: true, kind: true, contactEmail: true, contactLocale: true, marketplaceIds: true } },
} as const;

/** An authorization as the lifecycle workflows need it: dates, status, and who to write to. */
export async function loadLifecycleSubject(authorizationId: string) {
  return db.authorization.findUnique({ where: { id: authorizationId }, select });
}

export type LifecycleSubject = NonNullable<Awaited<ReturnType<typeof loadLifecycleSubject>>>;

export function emailAccountOf(subject: Pick<LifecycleSubject, "region" | "sellingPartnerId" | "tenant">): EmailAccount {
  return {
    businessName: subject.tenant.name,
    central: subject.tenant.kind === "SELLER" ? "Seller Central" : "Vendor Central",
    regionName: REGION_NAMES[subject.region],
    region: subject.region,
    sellingPartnerId: subject.sellingPartnerId,
  };
}

/**
 * The language of the emails to the tenant's contact: the one they chose, else the language of the
 * marketplaces this account sells in (then the ones they registered), else English. No browser to ask here.
 */
export function emailLocaleOf(subject: Pick<LifecycleSubject, "marketplaceIds" | "tenant">): Locale {
  return resolveLocale({ saved: subject.tenant.contactLocale, marketplaceIds: [...subject.marketplaceIds, ...subject.tenant.marketplaceIds] });
}
