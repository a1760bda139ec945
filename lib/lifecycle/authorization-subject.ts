import "server-only";
import type { EmailAccount } from "@/emails/components/account";
import { db } from "@/lib/db/client";
import { REGION_NAMES } from "@/lib/authorizations/status-copy";

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
  tenant: { select: { id: true, name: true, kind: true, contactEmail: true } },
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
    sellingPartnerId: subject.sellingPartnerId,
  };
}
