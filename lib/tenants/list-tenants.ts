import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

const PAGE_SIZE = 50;

/** Tenants for the admin list: search by name, contact email or selling partner id; newest first. */
export async function listTenants(input: { query?: string; page?: number } = {}) {
  const query = input.query?.trim();
  const page = Math.max(1, input.page ?? 1);
  const where: Prisma.TenantWhereInput = query
    ? {
        OR: [
          { name: { contains: query, mode: "insensitive" } },
          { contactEmail: { contains: query, mode: "insensitive" } },
          { authorizations: { some: { sellingPartnerId: { contains: query, mode: "insensitive" } } } },
        ],
      }
    : {};
  const rows = await db.tenant.findMany({
    where,
    orderBy: { createdAt: "desc" },
    skip: (page - 1) * PAGE_SIZE,
    take: PAGE_SIZE + 1,
    select: { id: true, name: true, kind: true, contactEmail: true, createdAt: true, authorizations: { select: { id: true, region: true, status: true, sellingPartnerId: true } } },
  });
  return { tenants: rows.slice(0, PAGE_SIZE), page, hasMore: rows.length > PAGE_SIZE };
}

export async function listTenantChoices() {
  return db.tenant.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, kind: true }, take: 500 });
}
