import "server-only";
import { db } from "@/lib/db/client";

export async function listTenantChoices() {
  return db.tenant.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, kind: true }, take: 500 });
}

export interface TenantChoice {
  id: string;
  name: string;
  kind: "SELLER" | "VENDOR";
}

export const TENANT_CHOICE_LIMIT = 20;

/**
 * Tenants to pick from, for a searchable picker that scales to any number of tenants: with a query, the
 * admin table's search (word prefixes of the name, contact email and selling partner ids, on its GIN index,
 * newest first, at most `limit`); without one, the first `limit` by name (the name index).
 */
export async function searchTenantChoices(query: string | undefined, limit = TENANT_CHOICE_LIMIT): Promise<TenantChoice[]> {
  const words = query?.replace(/[\p{Cc}\p{Cs}]/gu, " ").replace(/\s+/g, " ").trim();
  if (!words || !/[\p{L}\p{N}]/u.test(words)) {
    return db.tenant.findMany({ orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, name: true, kind: true }, take: limit });
  }
  return db.$queryRaw<TenantChoice[]>`SELECT t."id", t."name", t."kind"::text AS "kind"
    FROM latchkey_search_tenant_ids(${words}, true, ${limit}::int) AS hit ("id")
    JOIN "Tenant" t ON t."id" = hit."id"
    ORDER BY t."name" ASC, t."id" ASC`;
}

/** The names of these tenants (the ones a form or a table already names by id); unknown ids are left out. */
export async function getTenantChoices(ids: string[]): Promise<TenantChoice[]> {
  if (ids.length === 0) return [];
  return db.tenant.findMany({ where: { id: { in: [...new Set(ids)] } }, orderBy: { name: "asc" }, select: { id: true, name: true, kind: true } });
}
