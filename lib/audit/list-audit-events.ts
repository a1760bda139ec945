import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { redact } from "@/lib/log/redact";
import type { AuditFilters } from "./audit-filters";

export const AUDIT_PAGE_SIZE = 50;

export function auditWhere(filters: AuditFilters): Prisma.AuditLogWhereInput {
  const where: Prisma.AuditLogWhereInput = {};
  if (filters.action) where.action = filters.action.endsWith(".*") ? { startsWith: filters.action.slice(0, -1) } : filters.action;
  if (filters.actor) where.actorType = filters.actor;
  if (filters.tenant) where.tenantId = filters.tenant;
  if (filters.authorization) where.authorizationId = filters.authorization;
  if (filters.from || filters.to) {
    where.at = {
      ...(filters.from ? { gte: new Date(`${filters.from}T00:00:00.000Z`) } : {}),
      ...(filters.to ? { lt: new Date(Date.parse(`${filters.to}T00:00:00.000Z`) + 86_400_000) } : {}),
    };
  }
  if (filters.before) where.id = { lt: BigInt(filters.before) };
  return where;
}

const entrySelect = { id: true, at: true, actorType: true, actorId: true, tenantId: true, authorizationId: true, action: true, details: true, requestId: true } as const;

export interface AuditEntry {
  id: string;
  at: Date;
  actorType: "PARTNER" | "ADMIN" | "SYSTEM" | "API_KEY" | "AMAZON";
  actorId: string | null;
  /** The signed-in person behind actorId (partners and admins), when still known. */
  actorEmail: string | null;
  tenantId: string | null;
  tenantName: string | null;
  authorizationId: string | null;
  action: string;
  details: unknown;
  requestId: string | null;
}

/** Names of the tenants and emails of the users a batch of entries mentions (two indexed lookups per batch). */
async function withNames(rows: Prisma.AuditLogGetPayload<{ select: typeof entrySelect }>[]): Promise<AuditEntry[]> {
  const tenantIds = [...new Set(rows.map((r) => r.tenantId).filter((v): v is string => Boolean(v)))];
  const userIds = [...new Set(rows.filter((r) => r.actorType === "ADMIN" || r.actorType === "PARTNER").map((r) => r.actorId).filter((v): v is string => Boolean(v)))];
  const [tenants, users] = await Promise.all([
    tenantIds.length ? db.tenant.findMany({ where: { id: { in: tenantIds } }, select: { id: true, name: true } }) : [],
    userIds.length ? db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, email: true } }) : [],
  ]);
  const tenantName = new Map(tenants.map((t) => [t.id, t.name]));
  const email = new Map(users.map((u) => [u.id, u.email]));
  return rows.map((r) => ({
    ...r,
    id: r.id.toString(),
    actorEmail: r.actorId ? (email.get(r.actorId) ?? null) : null,
    tenantName: r.tenantId ? (tenantName.get(r.tenantId) ?? null) : null,
    // Written redacted; redacted again on the way out in case a rule was added since.
    details: redact(r.details),
  }));
}

/** One page of the audit log, newest first, keyset-paged by entry id (`before`). */
export async function listAuditEvents(filters: AuditFilters): Promise<{ entries: AuditEntry[]; nextBefore: string | null }> {
  const rows = await db.auditLog.findMany({ where: auditWhere(filters), orderBy: { id: "desc" }, take: AUDIT_PAGE_SIZE + 1, select: entrySelect });
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  return { entries: await withNames(page), nextBefore: rows.length > AUDIT_PAGE_SIZE ? page.at(-1)!.id.toString() : null };
}

/** Every matching entry, newest first, in batches (for the CSV export), at most `limit`. */
export async function* iterateAuditEvents(filters: AuditFilters, options: { batchSize?: number; limit: number }): AsyncGenerator<AuditEntry[]> {
  const batchSize = options.batchSize ?? 1000;
  let before = filters.before;
  let remaining = options.limit;
  while (remaining > 0) {
    const rows = await db.auditLog.findMany({ where: auditWhere({ ...filters, before }), orderBy: { id: "desc" }, take: Math.min(batchSize, remaining), select: entrySelect });
    if (rows.length === 0) return;
    yield await withNames(rows);
    remaining -= rows.length;
    before = rows.at(-1)!.id.toString();
    if (rows.length < batchSize) return;
  }
}

/** Whether more than `limit` entries match (one bounded probe, no count over the table). */
export async function hasMoreThan(filters: AuditFilters, limit: number): Promise<boolean> {
  const beyond = await db.auditLog.findFirst({ where: auditWhere(filters), orderBy: { id: "desc" }, skip: limit, select: { id: true } });
  return beyond !== null;
}
