import "server-only";
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";

export const createTenantInput = z.object({
  name: z.string().trim().min(2, "Enter the business name").max(120),
  kind: z.enum(["SELLER", "VENDOR"]),
  contactEmail: z.email("Enter a valid contact email").trim().toLowerCase(),
});

/** An admin creates a tenant, e.g. the company's own account before self-authorizing it. */
export async function createTenantByAdmin(input: z.input<typeof createTenantInput>, adminUserId: string) {
  const data = createTenantInput.parse(input);
  return db.$transaction(async (tx) => {
    const tenant = await tx.tenant.create({ data: { ...data, marketplaceIds: [] } });
    await recordAuditEvent({ action: "tenant.created_by_admin", actorType: "ADMIN", actorId: adminUserId, tenantId: tenant.id, details: { name: data.name, kind: data.kind } }, tx);
    return tenant;
  });
}
