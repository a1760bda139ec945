import type { Metadata } from "next";
import Link from "next/link";
import { BulkActionsForm } from "@/components/admin/dashboard/bulk-actions-form";
import { NativeSelect } from "@/components/ui/native-select";
import { StatusBadge } from "@/components/connect/status-badge";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { REGION_NAMES } from "@/lib/amazon/regions";
import { describeProblems } from "@/lib/dashboard/describe-health";
import { describeSuppression, findSuppressions, normalizeAddress } from "@/lib/email/suppressions";
import { requireAdmin } from "@/lib/auth/session";
import {
  KIND_FILTERS,
  MAX_PAGE,
  PAGE_SIZE,
  REGION_FILTERS,
  SORTS,
  SORT_LABELS,
  STATUS_FILTERS,
  STATUS_FILTER_LABELS,
  dashboardQuery,
  hasActiveFilters,
  parseDashboardFilters,
  type DashboardFilters,
} from "@/lib/tenants/list-filters";
import { inactivityThresholdDays, listTenantAuthorizations, type DashboardRow } from "@/lib/tenants/list-tenant-authorizations";
import { describeDaysUntil, formatDate, formatDateTime } from "@/lib/utils/format";
import { cn } from "@/lib/utils/cn";

export const metadata: Metadata = { title: "Tenants" };

const KIND_LABELS = { SELLER: "Sellers", VENDOR: "Vendors" } as const;

const QUICK_FILTERS: { label: string; changes: Partial<DashboardFilters> }[] = [
  { label: "Failing", changes: { failing: true } },
  { label: "Renewal due in 30 days", changes: { renewalDays: 30 } },
  { label: "Renewal needed", changes: { status: "REAUTH_REQUIRED" } },
  { label: "Disconnected", changes: { status: "REVOKED" } },
  { label: "Paused", changes: { status: "QUARANTINED" } },
  { label: "Inactive", changes: { inactive: true } },
];

const EMPTY: DashboardFilters = { inactive: false, failing: false, sort: "newest", page: 1 };

function about(n: number): string {
  return n.toLocaleString("en-US");
}

/** "1 authorization", "2,400 authorizations". */
function count(n: number, noun: string): string {
  return `${about(n)} ${noun}${n === 1 ? "" : "s"}`;
}

export default async function AdminHome({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdmin("/admin");
  const filters = parseDashboardFilters(await searchParams);
  const result = await listTenantAuthorizations(filters);
  const suppressions = await findSuppressions(result.rows.map((row) => row.contactEmail));
  const filtered = hasActiveFilters(filters);
  const selectable = result.rows.filter((r) => r.authorizationId).length;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Tenants and authorizations</h1>
          <p className="text-sm text-muted-foreground" data-testid="estimated-totals">
            {result.estimated.atLeast ? "At least" : "About"} {count(Math.max(result.estimated.authorizations, selectable), "authorization")} across{" "}
            {count(Math.max(result.estimated.tenants, result.rows.length ? 1 : 0), "tenant")}
          </p>
        </div>
      </div>

      <nav aria-label="Quick filters" className="flex flex-wrap gap-2 text-sm">
        <Link href="/admin" className={cn("rounded-full border px-3 py-1 hover:bg-accent", !filtered && "bg-accent font-medium")}>
          All
        </Link>
        {QUICK_FILTERS.map((quick) => {
          const href = `/admin${dashboardQuery(EMPTY, quick.changes)}`;
          const active = `/admin${dashboardQuery({ ...filters, sort: "newest", page: 1 })}` === href;
          return (
            <Link key={quick.label} href={href} className={cn("rounded-full border px-3 py-1 hover:bg-accent", active && "bg-accent font-medium")}>
              {quick.label}
            </Link>
          );
        })}
      </nav>

      <form method="get" action="/admin" role="search" aria-label="Filter authorizations" className="grid gap-3 rounded-xl border bg-card p-4 text-sm sm:grid-cols-2 lg:grid-cols-4">
        <label className="space-y-1 sm:col-span-2">
          <span className="font-medium">Search</span>
          <Input name="q" defaultValue={filters.q} placeholder="Tenant name, contact email or selling partner ID" maxLength={100} />
        </label>
        <label className="space-y-1">
          <span className="font-medium">Status</span>
          <NativeSelect name="status" defaultValue={filters.status ?? ""} className="w-full">
            <option value="">Any status</option>
            {STATUS_FILTERS.map((s) => (
              <option key={s} value={s}>
                {STATUS_FILTER_LABELS[s]}
              </option>
            ))}
          </NativeSelect>
        </label>
        <label className="space-y-1">
          <span className="font-medium">Sort</span>
          <NativeSelect name="sort" defaultValue={filters.sort} className="w-full">
            {SORTS.map((s) => (
              <option key={s} value={s}>
                {SORT_LABELS[s]}
              </option>
            ))}
          </NativeSelect>
        </label>
        <label className="space-y-1">
          <span className="font-medium">Sellers or vendors</span>
          <NativeSelect name="kind" defaultValue={filters.kind ?? ""} className="w-full">
            <option value="">Both</option>
            {KIND_FILTERS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </NativeSelect>
        </label>
        <label className="space-y-1">
          <span className="font-medium">Region</span>
          <NativeSelect name="region" defaultValue={filters.region ?? ""} className="w-full">
            <option value="">Every region</option>
            {REGION_FILTERS.map((r) => (
              <option key={r} value={r}>
                {REGION_NAMES[r]}
              </option>
            ))}
          </NativeSelect>
        </label>
        <label className="space-y-1">
          <span className="font-medium">Renewal due within (days)</span>
          <Input name="renewalDays" type="number" min={0} max={400} defaultValue={filters.renewalDays} placeholder="Any time" />
        </label>
        <div className="flex flex-col justify-end gap-2">
          <label className="flex items-center gap-2">
            <input type="checkbox" name="failing" value="1" defaultChecked={filters.failing} className="size-4" />
            Failing (refresh or test failing)
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="inactive" value="1" defaultChecked={filters.inactive} className="size-4" />
            Inactive ({inactivityThresholdDays()}+ days unused)
          </label>
        </div>
        <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-4">
          <Button type="submit">Apply filters</Button>
          {filtered && (
            <Button asChild variant="ghost">
              <Link href="/admin">Clear filters</Link>
            </Button>
          )}
        </div>
      </form>

      <BulkActionsForm selectable={selectable}>
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead className="w-8">
                <span className="sr-only">Select</span>
              </TableHead>
              <TableHead>Tenant</TableHead>
              <TableHead>Authorization</TableHead>
              <TableHead>Status</TableHead>
              <TableHead>Renewal due</TableHead>
              <TableHead>Last used</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {result.rows.map((row) => (
              <DashboardTableRow
                key={row.authorizationId ?? `tenant-${row.tenantId}`}
                row={row}
                emailProblem={(() => {
                  const suppression = suppressions.get(normalizeAddress(row.contactEmail));
                  return suppression ? { label: suppression.reason === "complained" ? "Email marked as spam" : "Email bouncing", reason: describeSuppression(suppression) } : null;
                })()}
              />
            ))}
            {result.rows.length === 0 && (
              <TableRow>
                <TableCell colSpan={6} className="py-10 text-center text-muted-foreground">
                  {filtered ? (
                    <>
                      {filters.q && !hasActiveFilters({ ...filters, q: undefined }) ? `No tenants match “${filters.q}”.` : "Nothing matches these filters."}{" "}
                      <Link href="/admin" className="text-primary hover:underline">
                        Show everything
                      </Link>
                    </>
                  ) : (
                    "No tenants yet. Partners appear here once they register; admins can add one through Self-authorize."
                  )}
                </TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </BulkActionsForm>

      <div className="flex items-center justify-between text-sm">
        {result.page > 1 ? (
          <Link href={`/admin${dashboardQuery(filters, { page: result.page - 1 })}`} className="text-primary hover:underline">
            ← Previous
          </Link>
        ) : (
          <span />
        )}
        <span className="text-muted-foreground">
          {result.rows.length ? `Rows ${about((result.page - 1) * PAGE_SIZE + 1)}–${about((result.page - 1) * PAGE_SIZE + result.rows.length)}` : ""}
        </span>
        {result.hasMore && result.page < MAX_PAGE ? (
          <Link href={`/admin${dashboardQuery(filters, { page: result.page + 1 })}`} className="text-primary hover:underline">
            Next →
          </Link>
        ) : result.hasMore ? (
          <span className="text-muted-foreground">More rows: narrow the search or filters to see them.</span>
        ) : (
          <span />
        )}
      </div>
    </div>
  );
}

function DashboardTableRow({ row, emailProblem }: { row: DashboardRow; emailProblem: { label: string; reason: string } | null }) {
  const problems = row.authorizationId ? describeProblems(row) : [];
  const detail = row.authorizationId ? `/admin/authorizations/${row.authorizationId}` : null;
  return (
    <TableRow data-testid="dashboard-row" data-tenant-name={row.tenantName}>
      <TableCell>
        {row.authorizationId && (
          <input type="checkbox" name="authorizationIds" value={row.authorizationId} aria-label={`Select ${row.tenantName} ${row.region ?? ""}`} className="size-4" />
        )}
      </TableCell>
      <TableCell>
        <Link href={`/admin/tenants/${row.tenantId}`} className="font-medium text-primary hover:underline">
          {row.tenantName}
        </Link>
        <p className="text-muted-foreground">
          {row.kind === "SELLER" ? "Seller" : "Vendor"} · {row.contactEmail}
        </p>
        {emailProblem && (
          <p className="mt-1 text-xs text-destructive" data-testid="row-email-problem">
            <Badge variant="destructive">{emailProblem.label}</Badge> <span>{emailProblem.reason}</span>
          </p>
        )}
      </TableCell>
      <TableCell>
        {detail ? (
          <Link href={detail} className="text-primary hover:underline">
            <span className="font-medium">
              <span className="font-mono text-xs">{row.region}</span> {REGION_NAMES[row.region!]}
            </span>
            <span className="block font-mono text-xs text-muted-foreground">{row.sellingPartnerId ?? "no selling partner id yet"}</span>
          </Link>
        ) : (
          <span className="text-muted-foreground">No connection started</span>
        )}
      </TableCell>
      <TableCell className="space-y-1">
        {row.status && <StatusBadge status={row.status} />}
        {row.tenantQuarantinedAt && row.status !== "QUARANTINED" && <Badge variant="warning">Tenant paused</Badge>}
        {problems.length > 0 && (
          <p className="text-xs text-destructive" data-testid="row-problem">
            {problems[0]}
          </p>
        )}
      </TableCell>
      <TableCell className="text-muted-foreground">
        {row.renewalDueAt ? (
          <>
            {formatDate(row.renewalDueAt)}
            <span className="block text-xs">{describeDaysUntil(row.renewalDueAt)}</span>
          </>
        ) : (
          "—"
        )}
      </TableCell>
      <TableCell className="text-muted-foreground">{formatDateTime(row.lastUsedAt)}</TableCell>
    </TableRow>
  );
}
