import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { metadataSchema, type TenantResponse } from "./schemas";

/** What the management API reads of a tenant. */
export const TENANT_FACTS_SELECT = {
  id: true,
  externalId: true,
  name: true,
  kind: true,
  contactEmail: true,
  metadata: true,
  marketplaceIds: true,
  quarantinedAt: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.TenantSelect;

export type TenantFacts = Prisma.TenantGetPayload<{ select: typeof TENANT_FACTS_SELECT }>;

export function toTenantResponse(tenant: TenantFacts): TenantResponse {
  const metadata = metadataSchema.safeParse(tenant.metadata ?? {});
  return {
    id: tenant.id,
    externalId: tenant.externalId,
    name: tenant.name,
    kind: tenant.kind,
    contactEmail: tenant.contactEmail,
    metadata: metadata.success ? metadata.data : {},
    marketplaceIds: tenant.marketplaceIds,
    quarantinedAt: tenant.quarantinedAt?.toISOString() ?? null,
    createdAt: tenant.createdAt.toISOString(),
    updatedAt: tenant.updatedAt.toISOString(),
  };
}
