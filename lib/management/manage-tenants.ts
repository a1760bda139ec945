import "server-only";
// Tenants through the management API. A key limited to tenants sees and changes only those (anything
// else is 404, as if it did not exist) and cannot create tenants, which it could not see afterwards.
import type { ApiCaller } from "@/lib/api-keys/authenticate-api-key";
import { assertCallerAllowsTenant } from "@/lib/api-keys/caller-allows-tenant";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { afterKeyset, decodeCursor, KEYSET_ORDER, pageOf } from "./cursor";
import type { CreateTenantBody, ListTenantsQuery, TenantResponse, UpdateTenantBody } from "./schemas";
import { TENANT_FACTS_SELECT, toTenantResponse } from "./tenant-facts";

type Caller = Pick<ApiCaller, "apiKeyId" | "tenantIds">;

function externalIdTaken(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

function jsonOrNull(value: Record<string, unknown> | null | undefined) {
  if (value === undefined) return undefined;
  return value === null ? Prisma.DbNull : (value as Prisma.InputJsonValue);
}

export async function createTenantForCaller(caller: Caller, input: CreateTenantBody, requestId?: string): Promise<TenantResponse> {
  if (caller.tenantIds.length > 0) throw new AppError("forbidden", "A key limited to some tenants cannot create tenants.");
  try {
    const tenant = await db.$transaction(async (tx) => {
      const created = await tx.tenant.create({
        data: {
          name: input.name,
          kind: input.kind,
          contactEmail: input.contactEmail,
          externalId: input.externalId ?? null,
          metadata: jsonOrNull(input.metadata),
          marketplaceIds: input.marketplaceIds ?? [],
        },
        select: TENANT_FACTS_SELECT,
      });
      await recordAuditEvent(
        { action: "tenant.created_by_api", actorType: "API_KEY", actorId: caller.apiKeyId, tenantId: created.id, requestId, details: { name: input.name, kind: input.kind, externalId: input.externalId ?? null } },
        tx,
      );
      return created;
    });
    return toTenantResponse(tenant);
  } catch (error) {
    if (externalIdTaken(error)) throw new AppError("external_id_taken");
    throw error;
  }
}

export async function getTenantForCaller(caller: Caller, where: { id: string } | { externalId: string }): Promise<TenantResponse> {
  const tenant = await db.tenant.findUnique({ where, select: TENANT_FACTS_SELECT });
  if (!tenant) throw new AppError("not_found");
  assertCallerAllowsTenant(caller, tenant.id);
  return toTenantResponse(tenant);
}

/** The tenant id behind `tenantId` or `externalId`, if the caller may act for it (404 otherwise). */
export async function resolveTenantForCaller(caller: Caller, ref: { tenantId?: string; externalId?: string }) {
  const where = ref.tenantId !== undefined ? { id: ref.tenantId } : ref.externalId !== undefined ? { externalId: ref.externalId } : null;
  if (!where) throw new AppError("invalid_input", "Send tenantId or externalId.");
  const tenant = await db.tenant.findUnique({ where, select: { id: true, kind: true, marketplaceIds: true } });
  if (!tenant) throw new AppError("not_found");
  assertCallerAllowsTenant(caller, tenant.id);
  return tenant;
}

export async function updateTenantForCaller(caller: Caller, id: string, input: UpdateTenantBody, requestId?: string): Promise<TenantResponse> {
  assertCallerAllowsTenant(caller, id);
  try {
    const tenant = await db.$transaction(async (tx) => {
      const found = await tx.tenant.findUnique({ where: { id }, select: { id: true } });
      if (!found) throw new AppError("not_found");
      const updated = await tx.tenant.update({
        where: { id },
        data: {
          name: input.name,
          contactEmail: input.contactEmail,
          externalId: input.externalId,
          metadata: jsonOrNull(input.metadata),
          marketplaceIds: input.marketplaceIds,
        },
        select: TENANT_FACTS_SELECT,
      });
      await recordAuditEvent({ action: "tenant.updated_by_api", actorType: "API_KEY", actorId: caller.apiKeyId, tenantId: id, requestId, details: { fields: Object.keys(input).sort() } }, tx);
      return updated;
    });
    return toTenantResponse(tenant);
  } catch (error) {
    if (externalIdTaken(error)) throw new AppError("external_id_taken");
    throw error;
  }
}

export async function listTenantsForCaller(caller: Caller, query: ListTenantsQuery): Promise<{ data: TenantResponse[]; nextCursor: string | null }> {
  const after = decodeCursor(query.cursor);
  const rows = await db.tenant.findMany({
    where: {
      AND: [
        caller.tenantIds.length ? { id: { in: caller.tenantIds } } : {},
        query.kind ? { kind: query.kind } : {},
        query.externalId ? { externalId: query.externalId } : {},
        query.contactEmail ? { contactEmail: query.contactEmail } : {},
        afterKeyset(after),
      ],
    },
    orderBy: KEYSET_ORDER,
    take: query.limit + 1,
    select: TENANT_FACTS_SELECT,
  });
  const page = pageOf(rows, query.limit);
  return { data: page.rows.map(toTenantResponse), nextCursor: page.nextCursor };
}
