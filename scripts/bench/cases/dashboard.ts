// Case 4: the admin dashboard's table query (lib/tenants/list-tenant-authorizations) at 1,000 and at
// 100,000 authorizations, seeded by bulk SQL through the real search triggers: the first page, filtered
// pages and searches, median of repeated calls in this process. Goal: 100k/1k ≤ 2× for every query.
import type pg from "pg";
import { listTenantAuthorizations } from "../../../lib/tenants/list-tenant-authorizations";
import { parseDashboardFilters } from "../../../lib/tenants/list-filters";
import { renderTable, type Cell } from "../table";

export const DASHBOARD_RATIO_GOAL = 2;

const ADJECTIVES = ["North", "Blue", "Swift", "Golden", "Quiet", "Bright", "Urban", "Coastal", "Iron", "Maple", "Silver", "Rapid", "Royal", "Green", "Summit", "Prairie", "Harbor", "Cedar", "Atlas", "Lunar"];
const NOUNS = ["Trading", "Goods", "Outfitters", "Supply", "Crafts", "Brands", "Market", "Depot", "Works", "Imports", "Retail", "Labs", "Apparel", "Home", "Kitchen", "Garden", "Sports", "Toys", "Books", "Audio"];

/** The queries measured: what an admin does first (open the page), filters and searches. */
export const DASHBOARD_QUERIES: { label: string; params: Record<string, string> }[] = [
  { label: "first page (newest tenants)", params: {} },
  { label: "filtered: failing", params: { failing: "1" } },
  { label: "filtered: renewal needed, sellers, by renewal date", params: { status: "REAUTH_REQUIRED", kind: "SELLER", sort: "renewal" } },
  { label: "search: one tenant by a word of its name", params: { q: "32df0b" } },
  { label: "search: one common word (5% of tenants)", params: { q: "harbor" } },
  { label: "search: common name words (0.25% of tenants)", params: { q: "harbor out" } },
  { label: "search: one selling partner id", params: { q: "A2DASH00000421" } },
];

/**
 * Tenants and authorizations from+1..to: one authorization per tenant (2% of tenants have none), statuses,
 * failures, kinds and regions spread as a real fleet might be. Inserted by SQL so the search triggers run.
 */
export async function insertDashboardRows(pool: pg.Pool, from: number, to: number): Promise<void> {
  if (to <= from) return;
  for (let start = from + 1; start <= to; start += 10_000) {
    const end = Math.min(to, start + 9_999);
    await pool.query(
      `INSERT INTO "Tenant" ("id", "name", "kind", "contactEmail", "marketplaceIds", "createdAt", "updatedAt")
       SELECT 'bench-dash-t' || lpad(g::text, 6, '0'),
              ($3::text[])[1 + g % 20] || ' ' || ($4::text[])[1 + (g / 20) % 20] || ' ' || upper(to_hex(g * 7919)),
              CASE WHEN g % 5 = 0 THEN 'VENDOR' ELSE 'SELLER' END::"PartnerKind",
              'ops-' || g || '@' || lower(($4::text[])[1 + (g / 20) % 20]) || '-' || g % 997 || '.bench.test',
              ARRAY['ATVPDKIKX0DER'], now() - make_interval(mins => g), now()
       FROM generate_series($1::int, $2::int) AS g`,
      [start, end, ADJECTIVES, NOUNS],
    );
    await pool.query(
      `INSERT INTO "Authorization" ("id", "tenantId", "region", "sellingPartnerId", "authType", "status", "roles", "marketplaceIds",
         "authorizedAt", "renewalDueAt", "lastUsedAt", "consecutiveFailures", "lastRefreshError", "lastConnectivityAt", "lastConnectivityOk", "createdAt", "updatedAt")
       SELECT 'bench-dash-a' || lpad(g::text, 6, '0'), 'bench-dash-t' || lpad(g::text, 6, '0'),
              (ARRAY['NA', 'EU', 'FE'])[1 + g % 3]::"Region",
              'A2DASH' || lpad(g::text, 8, '0'), 'WEBSITE',
              (CASE WHEN g % 20 = 1 THEN 'REVOKED' WHEN g % 25 = 2 THEN 'REAUTH_REQUIRED' WHEN g % 33 = 3 THEN 'PENDING' WHEN g % 40 = 4 THEN 'QUARANTINED' ELSE 'ACTIVE' END)::"AuthorizationStatus",
              '{}', ARRAY['ATVPDKIKX0DER'],
              now() - make_interval(days => g % 365), now() + make_interval(days => 365 - g % 365), now() - make_interval(hours => g % 2000),
              CASE WHEN g % 500 = 7 THEN 1 + g % 3 ELSE 0 END,
              CASE WHEN g % 500 = 7 THEN 'server_error' END,
              now() - make_interval(hours => g % 48), g % 700 <> 9, now(), now()
       FROM generate_series($1::int, $2::int) AS g WHERE g % 50 <> 0`,
      [start, end],
    );
  }
}

/** Removes the case's rows (search triggers off for the delete: the tenants go too) so later cases start clean. */
export async function deleteDashboardRows(pool: pg.Pool): Promise<void> {
  await pool.query(`ALTER TABLE "Authorization" DISABLE TRIGGER "Authorization_search_vector_delete"`);
  try {
    await pool.query(`DELETE FROM "Authorization" WHERE "id" LIKE 'bench-dash-a%'`);
  } finally {
    await pool.query(`ALTER TABLE "Authorization" ENABLE TRIGGER "Authorization_search_vector_delete"`);
  }
  await pool.query(`DELETE FROM "Tenant" WHERE "id" LIKE 'bench-dash-t%'`);
  await pool.query(`VACUUM ANALYZE "Tenant", "Authorization", "TenantSearchWord", "TenantSearchTerm"`);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function time(params: Record<string, string>, repeats: number): Promise<{ ms: number; minMs: number; rows: number }> {
  const filters = parseDashboardFilters(params);
  for (let i = 0; i < 10; i++) await listTenantAuthorizations(filters);
  const samples: number[] = [];
  let rows = 0;
  for (let i = 0; i < repeats; i++) {
    const started = performance.now();
    const page = await listTenantAuthorizations(filters);
    samples.push(performance.now() - started);
    rows = page.rows.length;
  }
  return { ms: median(samples), minMs: Math.min(...samples), rows };
}

export interface DashboardOutcome {
  table: string;
  worstRatio: number;
  worstLabel: string;
  met: boolean;
}

export async function benchDashboard(options: { pool: pg.Pool; sizes: [number, number]; repeats: number; log: (line: string) => void }): Promise<DashboardOutcome> {
  const [small, large] = options.sizes;
  const results: Record<number, { ms: number; minMs: number; rows: number }[]> = {};
  let inserted = 0;
  for (const size of [small, large]) {
    const started = performance.now();
    options.log(`case 4: seeding ${(size - inserted).toLocaleString("en-US")} more tenants and authorizations (bulk SQL through the search triggers)`);
    await insertDashboardRows(options.pool, inserted, size);
    inserted = size;
    // What autovacuum would have done by the time an admin looks.
    await options.pool.query(`VACUUM ANALYZE "Tenant", "Authorization", "TenantSearchWord", "TenantSearchTerm"`);
    options.log(`case 4: seeded in ${((performance.now() - started) / 1000).toFixed(1)} s; timing ${DASHBOARD_QUERIES.length} queries × ${options.repeats}`);
    results[size] = [];
    for (const query of DASHBOARD_QUERIES) results[size]!.push(await time(query.params, options.repeats));
  }
  const rows: Cell[][] = DASHBOARD_QUERIES.map((query, i) => {
    const a = results[small]![i]!;
    const b = results[large]![i]!;
    return [query.label, a.rows, a.ms, a.minMs, b.rows, b.ms, b.minMs, b.ms / a.ms, b.minMs / a.minMs];
  });
  const ratios = rows.map((r) => r[7] as number);
  const worst = ratios.indexOf(Math.max(...ratios));
  options.log("case 4: removing its rows");
  await deleteDashboardRows(options.pool);
  const table = renderTable(
    `Case 4 — admin dashboard table query (${options.repeats} calls each in-process, Prisma included; goal 100k/1k p50 ≤ ${DASHBOARD_RATIO_GOAL}×; min is less sensitive to other load on the machine)`,
    ["query", `rows @${small.toLocaleString("en-US")}`, "p50 ms", "min ms", `rows @${large.toLocaleString("en-US")}`, "p50 ms", "min ms", "ratio p50", "ratio min"],
    rows,
  );
  return { table, worstRatio: ratios[worst]!, worstLabel: DASHBOARD_QUERIES[worst]!.label, met: ratios.every((r) => r <= DASHBOARD_RATIO_GOAL) };
}
