import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Tenant } from "@/lib/generated/prisma/client";
import { registerTenantInput, type RegisterTenantInput } from "./tenant-input";

/** A partner registers their business; the signed-in user becomes its member. One tenant per user. */
export async function registerTenant(userId: string, input: RegisterTenantInput): Promise<Tenant> {
  const data = registerTenantInput.parse(input);
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { tenantId: true } });
    if (user.tenantId) throw new AppError("conflict", "Your account already belongs to a business.");
    const tenant = await tx.tenant.create({ data });
    await tx.user.update({ where: { id: userId }, data: { tenantId: tenant.id } });
    await recordAuditEvent({ action: "tenant.registered", actorType: "PARTNER", actorId: userId, tenantId: tenant.id, details: { name: data.name, kind: data.kind, marketplaceIds: data.marketplaceIds } }, tx);
    return tenant;
  });
}
