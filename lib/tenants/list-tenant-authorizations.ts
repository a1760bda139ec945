import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AuthorizationStatus, PartnerKind, Region } from "@/lib/generated/prisma/client";
import { readServerEnv } from "@/lib/env";
import { PAGE_SIZE, type DashboardFilters } from "./list-filters";

/** Inactive: no token request for this many days (INACTIVITY_THRESHOLD_DAYS, the inactivity workflow's setting). */
export function inactivityThresholdDays(): number {
  return readServerEnv().INACTIVITY_THRESHOLD_DAYS;
}

/** One row of the admin table: an authorization with its tenant, or a tenant that has none yet. */
export interface DashboardRow {
  tenantId: string;
  tenantName: string;
  kind: PartnerKind;
  contactEmail: string;
  tenantCreatedAt: Date;
  tenantQuarantinedAt: Date | null;
  authorizationId: string | null;
  region: Region | null;
  sellingPartnerId: string | null;
  status: AuthorizationStatus | null;
  renewalDueAt: Date | null;
  lastUsedAt: Date | null;
  lastRefreshAt: Date | null;
  lastRefreshError: string | null;
  consecutiveFailures: number | null;
  lastConnectivityAt: Date | null;
  lastConnectivityOk: boolean | null;
  /** An open identity conflict names this authorization, as the claim or as the holder. */
  identityConflict: boolean;
}

export interface DashboardPage {
  rows: DashboardRow[];
  page: number;
  hasMore: boolean;
  /** The planner's estimate of all authorizations and tenants (pg_class), not a count per request; `atLeast` when it is a lower bound. */
  estimated: { authorizations: number; tenants: number; atLeast: boolean };
}

/** The "failing" condition of the table: refreshes failing, the last test failed, or the last refresh left an error. */
export const FAILING_SQL = Prisma.sql`(a."consecutiveFailures" > 0 OR a."lastConnectivityOk" = false OR a."lastRefreshError" IS NOT NULL)`;

/**
 * The selective parts run first, fenced off from the rest of the plan so their indexes are always used.
 * In tenant order (newest, oldest, name) the page's rows come from at most offset + page size + 1 tenants
 * when every tenant kept has at least one row to show, so only those tenants are read, in page order:
 * - failing: the tenants flagged by the trigger-maintained "hasFailingAuthorization" column (see the
 *   migration 20261201085650_dashboard_failing_order), read from its (flag, sort key) index in order, stopping
 *   after one page instead of fetching every failing authorization and sorting them;
 * - search: word prefixes of the tenant's name, contact email and selling partner ids (GIN index; a prefix
 *   becomes the few exact words it can mean, see the migration 20261201090518_dashboard_search_words); in
 *   date order, common words are read in that order from their terms (migration 20261201111440_dashboard_search_terms).
 * Filters on the authorization (status, region, renewal, inactive) can leave a kept tenant without a row,
 * so with any of them the tenants are not cut off (the search still runs first, on its index), and the
 * failing set is a subquery with OFFSET 0 over one index per condition. Left to itself the planner may
 * instead walk the sort order's index and test every row, which costs a full scan when few rows match.
 */
/** The tenant's columns the table shows, sorts and filters by (never the search vector). */
const TENANT_COLUMNS = Prisma.sql`t."id", t."name", t."kind", t."contactEmail", t."createdAt", t."quarantinedAt", t."hasFailingAuthorization"`;

function tenantPrefilter(filters: DashboardFilters): { cte: Prisma.Sql; limited: boolean } | null {
  const search = hasSearch(filters);
  const tenantOrder = TENANT_ORDER[filters.sort];
  const limited = Boolean(tenantOrder) && !hasAuthorizationFilters(filters);
  if (!search && !(filters.failing && limited)) return null;
  const ctes: Prisma.Sql[] = [];
  // The search's hits, with the tenant's columns (the table reads them from here, not again by id). Newest or
  // oldest first with nothing else to filter the tenants by, the page's tenants come straight from
  // latchkey_search_tenant_ids, which reads common words in order and stops after the page. Otherwise the query
  // is built once (a scalar subquery: it reads the word list) and, with no order or limit here, can only be
  // answered from the GIN index.
  const ordered = search && limited && !filters.failing && !filters.kind && (filters.sort === "newest" || filters.sort === "oldest");
  if (ordered) {
    ctes.push(Prisma.sql`search_hits AS MATERIALIZED (SELECT ${TENANT_COLUMNS}
      FROM latchkey_search_tenant_ids(${filters.q}, ${filters.sort === "newest"}, ${filters.page * PAGE_SIZE + 1}::int) AS hit ("id")
      JOIN "Tenant" t ON t."id" = hit."id")`);
  } else if (search) {
    ctes.push(Prisma.sql`search_hits AS MATERIALIZED (SELECT ${TENANT_COLUMNS} FROM "Tenant" t
      WHERE t."searchVector" @@ (SELECT latchkey_search_query(${filters.q})))`);
  }
  const where: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (filters.failing && limited) where.push(Prisma.sql`t."hasFailingAuthorization"`);
  if (filters.kind) where.push(Prisma.sql`t."kind" = ${filters.kind}::"PartnerKind"`);
  const limit = limited && tenantOrder ? Prisma.sql`ORDER BY ${tenantOrder} LIMIT ${filters.page * PAGE_SIZE + 1}` : Prisma.empty;
  ctes.push(Prisma.sql`page_tenants AS MATERIALIZED (SELECT ${TENANT_COLUMNS} FROM ${search ? Prisma.sql`search_hits` : Prisma.sql`"Tenant"`} t WHERE ${Prisma.join(where, " AND ")} ${limit})`);
  return { cte: Prisma.join(ctes, ", "), limited };
}

/** Filters on the authorization's own columns: with one, a tenant may have no row to show. */
function hasAuthorizationFilters(filters: DashboardFilters): boolean {
  return Boolean(filters.status || filters.region || filters.renewalDays !== undefined || filters.inactive);
}

function hasSearch(filters: DashboardFilters): filters is DashboardFilters & { q: string } {
  return Boolean(filters.q && /[\p{L}\p{N}]/u.test(filters.q));
}

function conditions(filters: DashboardFilters, now: Date, prefiltered: boolean): Prisma.Sql[] {
  const where: Prisma.Sql[] = [];
  if (filters.kind && !prefiltered) where.push(Prisma.sql`t."kind" = ${filters.kind}::"PartnerKind"`);
  if (filters.status === "NONE") where.push(Prisma.sql`a."id" IS NULL`);
  else if (filters.status) where.push(Prisma.sql`a."status" = ${filters.status}::"AuthorizationStatus"`);
  if (filters.region) where.push(Prisma.sql`a."region" = ${filters.region}::"Region"`);
  if (filters.renewalDays !== undefined) {
    const until = new Date(now.getTime() + filters.renewalDays * 86_400_000);
    where.push(Prisma.sql`a."renewalDueAt" <= ${until} AND a."status" IN ('ACTIVE', 'REAUTH_REQUIRED')`);
  }
  if (filters.inactive) {
    const since = new Date(now.getTime() - inactivityThresholdDays() * 86_400_000);
    where.push(Prisma.sql`a."status" = 'ACTIVE' AND (a."inactiveSince" IS NOT NULL OR coalesce(a."lastUsedAt", a."authorizedAt") < ${since})`);
  }
  // Sorting by an authorization's date lists only authorizations that have one (so its index can drive the query).
  if (filters.sort === "renewal") where.push(Prisma.sql`a."renewalDueAt" IS NOT NULL`);
  if (filters.sort === "last_used") where.push(Prisma.sql`a."lastUsedAt" IS NOT NULL`);
  return where;
}

function authorizationJoin(filters: DashboardFilters, failingTenantsOnly: boolean): Prisma.Sql {
  if (!filters.failing) return Prisma.sql`LEFT JOIN "Authorization" a ON a."tenantId" = t."id"`;
  // The page's failing tenants are known: their authorizations are looked up by tenant, failing ones kept.
  if (failingTenantsOnly) return Prisma.sql`JOIN "Authorization" a ON a."tenantId" = t."id" AND ${FAILING_SQL}`;
  return Prisma.sql`JOIN (SELECT * FROM "Authorization" a WHERE ${FAILING_SQL} OFFSET 0) a ON a."tenantId" = t."id"`;
}

const TENANT_ORDER: Partial<Record<DashboardFilters["sort"], Prisma.Sql>> = {
  newest: Prisma.sql`t."createdAt" DESC, t."id" DESC`,
  oldest: Prisma.sql`t."createdAt" ASC, t."id" ASC`,
  name: Prisma.sql`t."name" ASC, t."id" ASC`,
};

function orderBy(sort: DashboardFilters["sort"]): Prisma.Sql {
  switch (sort) {
    case "oldest":
      return Prisma.sql`t."createdAt" ASC, t."id" ASC, a."region" ASC`;
    case "name":
      return Prisma.sql`t."name" ASC, t."id" ASC, a."region" ASC`;
    case "renewal":
      return Prisma.sql`a."renewalDueAt" ASC, a."id" ASC`;
    case "last_used":
      return Prisma.sql`a."lastUsedAt" DESC, a."id" ASC`;
    case "newest":
      return Prisma.sql`t."createdAt" DESC, t."id" DESC, a."region" ASC`;
  }
}

/**
 * The admin table: one row per authorization (a tenant without any still shows), filtered, sorted and
 * paged on the server. One bounded query per page (LIMIT page size + 1 to know whether there is more, offset
 * capped by MAX_PAGE); totals are the planner's estimates, never a count over the whole table.
 */
export async function listTenantAuthorizations(filters: DashboardFilters, now = new Date()): Promise<DashboardPage> {
  const prefilter = tenantPrefilter(filters);
  const where = conditions(filters, now, prefilter !== null);
  const offset = (filters.page - 1) * PAGE_SIZE;
  const rows = await db.$queryRaw<DashboardRow[]>`
    ${prefilter ? Prisma.sql`WITH ${prefilter.cte}` : Prisma.empty}
    SELECT t."id" AS "tenantId", t."name" AS "tenantName", t."kind", t."contactEmail", t."createdAt" AS "tenantCreatedAt",
           t."quarantinedAt" AS "tenantQuarantinedAt", a."id" AS "authorizationId", a."region", a."sellingPartnerId", a."status",
           a."renewalDueAt", a."lastUsedAt", a."lastRefreshAt", a."lastRefreshError", a."consecutiveFailures",
           a."lastConnectivityAt", a."lastConnectivityOk",
           (a."id" IS NOT NULL AND (a."status" = 'IDENTITY_CONFLICT'
             OR EXISTS (SELECT 1 FROM "IdentityConflict" c JOIN "Authorization" claim ON claim."id" = c."authorizationId"
                        WHERE c."heldById" = a."id" AND c."resolvedAt" IS NULL AND claim."status" = 'IDENTITY_CONFLICT'))) AS "identityConflict"
    FROM ${prefilter ? Prisma.sql`page_tenants` : Prisma.sql`"Tenant"`} t
    ${authorizationJoin(filters, Boolean(prefilter?.limited))}
    ${where.length ? Prisma.sql`WHERE ${Prisma.join(where, " AND ")}` : Prisma.empty}
    ORDER BY ${orderBy(filters.sort)}
    LIMIT ${PAGE_SIZE + 1} OFFSET ${offset}`;
  return { rows: rows.slice(0, PAGE_SIZE), page: filters.page, hasMore: rows.length > PAGE_SIZE, estimated: await estimatedTotals() };
}

/** Row estimates from the planner's statistics; before the first ANALYZE (-1), a count bounded at ESTIMATE_BOUND. */
const ESTIMATE_BOUND = 10_000;

async function estimatedTotals(): Promise<DashboardPage["estimated"]> {
  const rows = await db.$queryRaw<{ relname: string; reltuples: number }[]>`
    SELECT c."relname", c."reltuples"::float8 AS "reltuples" FROM pg_class c
    WHERE c."relname" IN ('Authorization', 'Tenant') AND c."relkind" = 'r' AND c."relnamespace" = current_schema()::regnamespace`;
  const estimate = async (table: "Authorization" | "Tenant") => {
    const value = Number(rows.find((r) => r.relname === table)?.reltuples ?? -1);
    if (value >= 0) return { value: Math.round(value), atLeast: false };
    const [bounded] = await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM (SELECT 1 FROM "${table}" LIMIT ${ESTIMATE_BOUND}) x`);
    const n = bounded?.n ?? 0;
    return { value: n, atLeast: n >= ESTIMATE_BOUND };
  };
  const [authorizations, tenants] = [await estimate("Authorization"), await estimate("Tenant")];
  return { authorizations: authorizations.value, tenants: tenants.value, atLeast: authorizations.atLeast || tenants.atLeast };
}
