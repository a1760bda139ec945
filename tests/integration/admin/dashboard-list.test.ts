// The admin table's query on a real database: search by word prefix (name, email, selling partner id,
// kept current by triggers), every filter, sorting, tenants without authorizations, bounded pages.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { setupTestDatabase, teardownTestDatabase } from "../../support/database";

const { db } = await import("@/lib/db/client");
const { listTenantAuthorizations } = await import("@/lib/tenants/list-tenant-authorizations");
const { parseDashboardFilters, PAGE_SIZE } = await import("@/lib/tenants/list-filters");
const { resetServerEnvForTests } = await import("@/lib/env");

const DAY = 86_400_000;
const now = new Date("2026-12-01T12:00:00Z");

async function tenant(name: string, email: string, kind: "SELLER" | "VENDOR" = "SELLER", createdAt = now) {
  return db.tenant.create({ data: { name, contactEmail: email, kind, marketplaceIds: [], createdAt } });
}

async function authorization(tenantId: string, data: Partial<{ region: "NA" | "EU" | "FE"; sellingPartnerId: string; status: "ACTIVE" | "REVOKED" | "REAUTH_REQUIRED" | "PENDING"; renewalDueAt: Date; lastUsedAt: Date; authorizedAt: Date; consecutiveFailures: number; lastConnectivityOk: boolean; lastRefreshError: string }> = {}) {
  return db.authorization.create({ data: { tenantId, region: "NA", authType: "WEBSITE", status: "ACTIVE", ...data } });
}

const list = (params: Record<string, string>) => listTenantAuthorizations(parseDashboardFilters(params), now);
const names = (page: Awaited<ReturnType<typeof list>>) => page.rows.map((r) => `${r.tenantName}${r.region ? `/${r.region}` : ""}`);

let acme: { id: string };
let acmeNa: { id: string };

beforeAll(async () => {
  await setupTestDatabase();
  acme = await tenant("Acme Outdoor Goods", "ops@acme-outdoor.test", "SELLER", new Date(now.getTime() - 3 * DAY));
  acmeNa = await authorization(acme.id, { sellingPartnerId: "A2ACMEUSSELLER", renewalDueAt: new Date(now.getTime() + 10 * DAY), lastUsedAt: new Date(now.getTime() - DAY), authorizedAt: new Date(now.getTime() - 300 * DAY) });
  await authorization(acme.id, { region: "EU", sellingPartnerId: "A1ACMEEUSELLER", status: "REVOKED", lastConnectivityOk: false });
  const bolt = await tenant("Bolt Vendor Group", "vendor@bolt.test", "VENDOR", new Date(now.getTime() - 2 * DAY));
  await authorization(bolt.id, { sellingPartnerId: "BOLTGROUP", consecutiveFailures: 2, lastRefreshError: "server_error", renewalDueAt: new Date(now.getTime() + 100 * DAY), lastUsedAt: new Date(now.getTime() - 40 * DAY), authorizedAt: new Date(now.getTime() - 50 * DAY) });
  await tenant("Cedar Crafts", "hello@cedar.test", "SELLER", new Date(now.getTime() - DAY));
});

afterAll(teardownTestDatabase);

describe("admin tenants and authorizations table", () => {
  it("lists one row per authorization, newest tenant first, and a tenant without authorizations too", async () => {
    const page = await list({});
    expect(names(page)).toEqual(["Cedar Crafts", "Bolt Vendor Group/NA", "Acme Outdoor Goods/NA", "Acme Outdoor Goods/EU"]);
    expect(page.hasMore).toBe(false);
    expect(page.rows.find((r) => r.tenantName === "Cedar Crafts")?.authorizationId).toBeNull();
  });

  it("searches word prefixes of the name, the contact email and the selling partner id, case-insensitively", async () => {
    expect(names(await list({ q: "acme out" }))).toEqual(["Acme Outdoor Goods/NA", "Acme Outdoor Goods/EU"]);
    expect(names(await list({ q: "VENDOR@bolt" }))).toEqual(["Bolt Vendor Group/NA"]);
    expect(names(await list({ q: "a2acmeus" }))).toEqual(["Acme Outdoor Goods/NA", "Acme Outdoor Goods/EU"]);
    expect(names(await list({ q: "hello" }))).toEqual(["Cedar Crafts"]);
    expect(names(await list({ q: "zzz" }))).toEqual([]);
    // Punctuation only is no search at all (everything shows), never an SQL error.
    expect((await list({ q: "&|!:*()'" })).rows).toHaveLength(4);
  });

  it("keeps the search current when a selling partner id arrives later or a tenant is renamed", async () => {
    await db.authorization.update({ where: { id: acmeNa.id }, data: { sellingPartnerId: "A2RENAMEDSELLER" } });
    expect(names(await list({ q: "a2renamed" }))).toEqual(["Acme Outdoor Goods/NA", "Acme Outdoor Goods/EU"]);
    expect(names(await list({ q: "a2acmeus" }))).toEqual([]);
    await db.tenant.update({ where: { id: acme.id }, data: { name: "Acme Trail Supply" } });
    expect(names(await list({ q: "trail" }))).toEqual(["Acme Trail Supply/NA", "Acme Trail Supply/EU"]);
    expect(names(await list({ q: "outdoor" }))).toEqual(["Acme Trail Supply/NA", "Acme Trail Supply/EU"]); // still in the email
    await db.tenant.update({ where: { id: acme.id }, data: { name: "Acme Outdoor Goods" } });
    await db.authorization.update({ where: { id: acmeNa.id }, data: { sellingPartnerId: "A2ACMEUSSELLER" } });
  });

  it("indexes authorizations inserted in bulk, and forgets deleted ones", async () => {
    const [one, two] = [await tenant("Delta One", "one@delta.test"), await tenant("Delta Two", "two@delta.test")];
    await db.authorization.createMany({ data: [one, two].map((t, i) => ({ tenantId: t.id, region: "FE" as const, authType: "SELF" as const, sellingPartnerId: `A3BULKDELTA${i}` })) });
    expect(names(await list({ q: "a3bulkdelta" })).sort()).toEqual(["Delta One/FE", "Delta Two/FE"]);
    await db.authorization.deleteMany({ where: { tenantId: { in: [one.id, two.id] } } });
    expect(names(await list({ q: "a3bulkdelta" }))).toEqual([]);
    await db.tenant.deleteMany({ where: { id: { in: [one.id, two.id] } } });
  });

  it("filters by status, type, region, renewal window, inactivity and failing", async () => {
    expect(names(await list({ status: "REVOKED" }))).toEqual(["Acme Outdoor Goods/EU"]);
    expect(names(await list({ status: "NONE" }))).toEqual(["Cedar Crafts"]);
    expect(names(await list({ kind: "VENDOR" }))).toEqual(["Bolt Vendor Group/NA"]);
    expect(names(await list({ region: "EU" }))).toEqual(["Acme Outdoor Goods/EU"]);
    expect(names(await list({ renewalDays: "30" }))).toEqual(["Acme Outdoor Goods/NA"]);
    expect(names(await list({ inactive: "1" }))).toEqual(["Bolt Vendor Group/NA"]);
    expect(names(await list({ failing: "1" }))).toEqual(["Bolt Vendor Group/NA", "Acme Outdoor Goods/EU"]);
    expect(names(await list({ failing: "1", kind: "SELLER" }))).toEqual(["Acme Outdoor Goods/EU"]);
  });

  it("keeps the failing filter current as an authorization starts and stops failing, in every order and with other filters", async () => {
    const cedar = await db.tenant.findFirstOrThrow({ where: { name: "Cedar Crafts" } });
    const cedarNa = await authorization(cedar.id, { sellingPartnerId: "CEDARNA" });
    expect(names(await list({ failing: "1" }))).toEqual(["Bolt Vendor Group/NA", "Acme Outdoor Goods/EU"]);
    await db.authorization.update({ where: { id: cedarNa.id }, data: { lastConnectivityOk: false } });
    expect(names(await list({ failing: "1" }))).toEqual(["Cedar Crafts/NA", "Bolt Vendor Group/NA", "Acme Outdoor Goods/EU"]);
    expect(names(await list({ failing: "1", sort: "oldest" }))).toEqual(["Acme Outdoor Goods/EU", "Bolt Vendor Group/NA", "Cedar Crafts/NA"]);
    expect(names(await list({ failing: "1", sort: "name" }))).toEqual(["Acme Outdoor Goods/EU", "Bolt Vendor Group/NA", "Cedar Crafts/NA"]);
    expect(names(await list({ failing: "1", status: "ACTIVE" }))).toEqual(["Cedar Crafts/NA", "Bolt Vendor Group/NA"]);
    expect(names(await list({ failing: "1", q: "cedar" }))).toEqual(["Cedar Crafts/NA"]);
    // Recovered: a passing test clears it; so does a successful refresh for Bolt.
    await db.authorization.update({ where: { id: cedarNa.id }, data: { lastConnectivityOk: true } });
    await db.authorization.updateMany({ where: { sellingPartnerId: "BOLTGROUP" }, data: { consecutiveFailures: 0, lastRefreshError: null } });
    expect(names(await list({ failing: "1" }))).toEqual(["Acme Outdoor Goods/EU"]);
    expect(await db.tenant.count({ where: { hasFailingAuthorization: true } })).toBe(1);
    await db.authorization.updateMany({ where: { sellingPartnerId: "BOLTGROUP" }, data: { consecutiveFailures: 2, lastRefreshError: "server_error" } });
    await db.authorization.delete({ where: { id: cedarNa.id } });
    expect(names(await list({ failing: "1" }))).toEqual(["Bolt Vendor Group/NA", "Acme Outdoor Goods/EU"]);
  });

  it("counts inactivity from INACTIVITY_THRESHOLD_DAYS", async () => {
    try {
      vi.stubEnv("INACTIVITY_THRESHOLD_DAYS", "45");
      resetServerEnvForTests();
      expect(names(await list({ inactive: "1" }))).toEqual([]); // Bolt: last used 40 days ago
      vi.stubEnv("INACTIVITY_THRESHOLD_DAYS", "20");
      resetServerEnvForTests();
      expect(names(await list({ inactive: "1" }))).toEqual(["Bolt Vendor Group/NA"]);
    } finally {
      vi.unstubAllEnvs();
      resetServerEnvForTests();
    }
  });

  it("sorts by name, renewal date and last use", async () => {
    expect(names(await list({ sort: "name" }))).toEqual(["Acme Outdoor Goods/NA", "Acme Outdoor Goods/EU", "Bolt Vendor Group/NA", "Cedar Crafts"]);
    expect(names(await list({ sort: "renewal" }))).toEqual(["Acme Outdoor Goods/NA", "Bolt Vendor Group/NA"]);
    expect(names(await list({ sort: "last_used" }))).toEqual(["Acme Outdoor Goods/NA", "Bolt Vendor Group/NA"]);
    expect(names(await list({ sort: "oldest" })).slice(0, 2)).toEqual(["Acme Outdoor Goods/NA", "Acme Outdoor Goods/EU"]);
  });

  it("ignores unknown or malformed filter values instead of failing the page", async () => {
    const page = await list({ status: "DROP TABLE", renewalDays: "-5", sort: "evil", page: "abc" });
    expect(page.rows).toHaveLength(4);
    expect(page.page).toBe(1);
  });

  it("pages with a bounded offset and says when there is more", async () => {
    await db.tenant.createMany({ data: Array.from({ length: PAGE_SIZE + 5 }, (_, i) => ({ name: `Filler ${i}`, contactEmail: `f${i}@filler.test`, kind: "SELLER" as const, marketplaceIds: [], createdAt: new Date(now.getTime() - (10 + i) * DAY) })) });
    const first = await list({ q: "filler" });
    expect(first.rows).toHaveLength(PAGE_SIZE);
    expect(first.hasMore).toBe(true);
    const second = await list({ q: "filler", page: "2" });
    expect(second.rows).toHaveLength(5);
    expect(second.hasMore).toBe(false);
    expect(new Set([...first.rows, ...second.rows].map((r) => r.tenantId)).size).toBe(PAGE_SIZE + 5);
    expect(first.estimated.tenants).toBeGreaterThan(0);
    // A prefix of a few known words ("f1": f1, f10…f19) and one of very many ("f": every filler's email) both match.
    expect(names(await list({ q: "f1 filler" })).sort()).toEqual(["Filler 1", ...Array.from({ length: 10 }, (_, i) => `Filler 1${i}`)].sort());
    expect((await list({ q: "f filler" })).rows).toHaveLength(PAGE_SIZE);
    // A search with a filter on the authorization is not cut off at the first page of matching tenants.
    const older = await tenant("Filler Connected", "connected@filler.test", "SELLER", new Date(now.getTime() - 400 * DAY));
    await authorization(older.id, { region: "EU" });
    expect(names(await list({ q: "filler", status: "ACTIVE" }))).toEqual(["Filler Connected/EU"]);
  });
});

describe("searching common words in date order", () => {
  // Enough tenants that each word below is common (latchkey_search_tenant_ids reads such words in order from
  // their terms rather than through the GIN index); some share a creation time, so ties go by id.
  const COUNT = 1_600;
  let expected: { id: string; name: string; createdAt: Date }[];

  beforeAll(async () => {
    const rows = Array.from({ length: COUNT }, (_, i) => ({
      name: `Zephyr ${i % 2 ? "Kites" : "Kiteworks"}${i % 10 === 0 ? " Kites Kiteworks" : ""} ${i % 3 === 0 ? "North" : "South"} ${i}`,
      contactEmail: `z${i}@zephyr.test`,
      kind: "SELLER" as const,
      marketplaceIds: [],
      createdAt: new Date(now.getTime() - (1000 + Math.floor(i / 2)) * 60_000),
    }));
    await db.tenant.createMany({ data: rows });
    expected = await db.tenant.findMany({ where: { name: { startsWith: "Zephyr" } }, select: { id: true, name: true, createdAt: true } });
  });

  const newestFirst = (a: { id: string; createdAt: Date }, b: { id: string; createdAt: Date }) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1);
  const ids = (page: Awaited<ReturnType<typeof list>>) => page.rows.map((r) => r.tenantId);
  const termCount = async (word: string) => (await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "TenantSearchTerm" WHERE "word" = ${word}`)[0]!.n;

  it("pages newest and oldest first through tenants matching every word, ties by id, each tenant once", async () => {
    expect(await termCount("kites")).toBeGreaterThanOrEqual(500);
    expect(await termCount("north")).toBeGreaterThanOrEqual(500);
    const matching = expected.filter((t) => / Kites /.test(`${t.name} `) && t.name.includes(" North ")).sort(newestFirst);
    expect(ids(await list({ q: "zephyr kites north" }))).toEqual(matching.slice(0, PAGE_SIZE).map((t) => t.id));
    expect(ids(await list({ q: "zephyr kites north", page: "2" }))).toEqual(matching.slice(PAGE_SIZE, 2 * PAGE_SIZE).map((t) => t.id));
    expect(ids(await list({ q: "north kites", sort: "oldest" }))).toEqual([...matching].reverse().slice(0, PAGE_SIZE).map((t) => t.id));
    // "kite" is two common words (kites, kiteworks): merged in order, a tenant with both listed once.
    const kite = expected.filter((t) => t.name.includes(" South ")).sort(newestFirst);
    const page = await list({ q: "kite south" });
    expect(ids(page)).toEqual(kite.slice(0, PAGE_SIZE).map((t) => t.id));
    expect(page.hasMore).toBe(true);
    // The same search with a filter the ordered read does not handle (GIN, then sorted) lists the same tenants.
    expect(ids(await list({ q: "kite south", kind: "SELLER" }))).toEqual(ids(page));
  });

  it("follows renames and deletes, and its terms always mirror every tenant's search words", async () => {
    const first = expected.filter((t) => t.name.includes(" Kites ") && t.name.includes(" North ")).sort(newestFirst)[0]!;
    await db.tenant.update({ where: { id: first.id }, data: { name: "Zephyr Balloons North" } });
    expect(ids(await list({ q: "kites north" }))).not.toContain(first.id);
    expect(ids(await list({ q: "zephyr north" }))).toContain(first.id);
    const second = expected.find((t) => t.id !== first.id && t.name.includes(" North "))!;
    await db.tenant.delete({ where: { id: second.id } });
    expect(ids(await list({ q: "zephyr north" }))).not.toContain(second.id);
    const third = expected.find((t) => t.id !== first.id && t.id !== second.id && t.name.includes(" South "))!;
    await db.authorization.create({ data: { tenantId: third.id, region: "NA", authType: "WEBSITE", status: "ACTIVE", sellingPartnerId: "A2ZEPHYRLATE" } });
    const [drift] = await db.$queryRaw<{ missing: number; extra: number }[]>`
      WITH words AS (SELECT w AS "word", t."createdAt", t."id" AS "tenantId" FROM "Tenant" t, unnest(tsvector_to_array(t."searchVector")) AS w)
      SELECT (SELECT count(*)::int FROM (SELECT * FROM words EXCEPT SELECT "word", "createdAt", "tenantId" FROM "TenantSearchTerm") m) AS missing,
             (SELECT count(*)::int FROM (SELECT "word", "createdAt", "tenantId" FROM "TenantSearchTerm" EXCEPT SELECT * FROM words) e) AS extra`;
    expect(drift).toEqual({ missing: 0, extra: 0 });
    expect(await termCount("a2zephyrlate")).toBe(1);
  });
});
