// The admin table's filters, sort and page, as they live in the URL (shareable, back-button friendly).
// Parsing is lenient: a hand-edited or stale value falls back to its default instead of failing the page.
import { z } from "zod";
import { REGION_CODES } from "@/lib/amazon/regions";

export const STATUS_FILTERS = ["ACTIVE", "PENDING", "REAUTH_REQUIRED", "QUARANTINED", "REVOKED", "IDENTITY_CONFLICT", "NONE"] as const;
export const KIND_FILTERS = ["SELLER", "VENDOR"] as const;
export const REGION_FILTERS = REGION_CODES;
export const SORTS = ["newest", "oldest", "name", "renewal", "last_used"] as const;

export const SORT_LABELS: Record<(typeof SORTS)[number], string> = {
  newest: "Newest tenants first",
  oldest: "Oldest tenants first",
  name: "Tenant name A–Z",
  renewal: "Renewal due soonest",
  last_used: "Used most recently",
};

export const STATUS_FILTER_LABELS: Record<(typeof STATUS_FILTERS)[number], string> = {
  ACTIVE: "Connected",
  PENDING: "Not connected yet",
  REAUTH_REQUIRED: "Renewal needed",
  QUARANTINED: "Paused",
  REVOKED: "Disconnected",
  IDENTITY_CONFLICT: "Under review (identity conflict)",
  NONE: "No connection started",
};

export const PAGE_SIZE = 50;
/** Bounded offset pagination: past this page, narrow the filters instead (no deep scans per request). */
export const MAX_PAGE = 100;
export const MAX_QUERY_LENGTH = 100;

// Control characters (NUL included) and lone surrogates are never search text: they become spaces, so
// nothing PostgreSQL would refuse reaches the query.
const UNSEARCHABLE = /[\p{Cc}\p{Cs}]/gu;

const flag = z
  .string()
  .optional()
  .transform((value) => value === "1" || value === "true" || value === "on");

const fields = {
  q: z
    .string()
    .max(MAX_QUERY_LENGTH)
    .transform((v) => v.replace(UNSEARCHABLE, " ").replace(/\s+/g, " ").trim() || undefined),
  status: z.enum(STATUS_FILTERS),
  kind: z.enum(KIND_FILTERS),
  region: z.enum(REGION_FILTERS),
  renewalDays: z.coerce.number().int().min(0).max(400),
  inactive: flag,
  failing: flag,
  sort: z.enum(SORTS),
  page: z.coerce.number().int().min(1).max(MAX_PAGE),
};

type Fields = typeof fields;

/** One field, leniently: its first value if it parses, else undefined. An empty value is no value. */
function field<K extends keyof Fields>(params: SearchParams, key: K): z.output<Fields[K]> | undefined {
  const raw = params[key];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (value === undefined || value === "") return undefined;
  const parsed = fields[key].safeParse(value);
  return parsed.success ? (parsed.data as z.output<Fields[K]>) : undefined;
}

export interface DashboardFilters {
  q?: string;
  status?: (typeof STATUS_FILTERS)[number];
  kind?: (typeof KIND_FILTERS)[number];
  region?: (typeof REGION_FILTERS)[number];
  /** Renewal due within this many days (overdue included). */
  renewalDays?: number;
  inactive: boolean;
  failing: boolean;
  sort: (typeof SORTS)[number];
  page: number;
}

type SearchParams = Record<string, string | string[] | undefined>;

export function parseDashboardFilters(params: SearchParams): DashboardFilters {
  const raw = {
    q: field(params, "q"),
    status: field(params, "status"),
    kind: field(params, "kind"),
    region: field(params, "region"),
    renewalDays: field(params, "renewalDays"),
    inactive: field(params, "inactive"),
    failing: field(params, "failing"),
    sort: field(params, "sort"),
    page: field(params, "page"),
  };
  return {
    ...(raw.q ? { q: raw.q } : {}),
    ...(raw.status ? { status: raw.status } : {}),
    ...(raw.kind ? { kind: raw.kind } : {}),
    ...(raw.region ? { region: raw.region } : {}),
    ...(raw.renewalDays !== undefined ? { renewalDays: raw.renewalDays } : {}),
    inactive: raw.inactive ?? false,
    failing: raw.failing ?? false,
    sort: raw.sort ?? "newest",
    page: raw.page ?? 1,
  };
}

/** The URL query for these filters (defaults left out), with `changes` applied. Changing a filter resets the page. */
export function dashboardQuery(filters: DashboardFilters, changes: Partial<DashboardFilters> = {}): string {
  const next = { ...filters, ...(Object.keys(changes).some((k) => k !== "page") ? { page: 1 } : {}), ...changes };
  const params = new URLSearchParams();
  if (next.q) params.set("q", next.q);
  if (next.status) params.set("status", next.status);
  if (next.kind) params.set("kind", next.kind);
  if (next.region) params.set("region", next.region);
  if (next.renewalDays !== undefined) params.set("renewalDays", String(next.renewalDays));
  if (next.inactive) params.set("inactive", "1");
  if (next.failing) params.set("failing", "1");
  if (next.sort !== "newest") params.set("sort", next.sort);
  if (next.page > 1) params.set("page", String(next.page));
  const query = params.toString();
  return query ? `?${query}` : "";
}

export function hasActiveFilters(filters: DashboardFilters): boolean {
  return Boolean(filters.q || filters.status || filters.kind || filters.region || filters.renewalDays !== undefined || filters.inactive || filters.failing);
}
