import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Tenant } from "@/lib/generated/prisma/client";
import { isLocale } from "@/lib/i18n/locales";
import { registerTenantInput, type RegisterTenantInput } from "./tenant-input";

/**
 * A partner registers their business; the signed-in user becomes its member. One tenant per user. The language
 * they registered in (the switcher's or their browser's) is saved as the contact's, for their emails.
 */
export async function registerTenant(userId: string, input: RegisterTenantInput, options: { locale?: string } = {}): Promise<Tenant> {
  const data = registerTenantInput.parse(input);
  const contactLocale = isLocale(options.locale) ? options.locale : null;
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { tenantId: true } });
    if (user.tenantId) throw new AppError("conflict", "Your account already belongs to a business.");
    const tenant = await tx.tenant.create({ data: { ...data, contactLocale } });
    await tx.user.update({ where: { id: userId }, data: { tenantId: tenant.id } });
    await recordAuditEvent({ action: "tenant.registered", actorType: "PARTNER", actorId: userId, tenantId: tenant.id, details: { name: data.name, kind: data.kind, marketplaceIds: data.marketplaceIds } }, tx);
    return tenant;
  });
}
