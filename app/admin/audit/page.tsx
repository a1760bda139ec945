import type { Metadata } from "next";
import Link from "next/link";
import { AuditDetails } from "@/components/admin/audit/audit-details";
import { NativeSelect } from "@/components/ui/native-select";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { ACTOR_LABELS } from "@/lib/audit/audit-entry-copy";
import { AUDIT_ACTION_LABELS as ADMIN_AUDIT_LABELS, auditLabel } from "@/lib/audit/event-registry";
import { ACTION_GROUPS, ACTOR_TYPES, auditQuery, parseAuditFilters } from "@/lib/audit/audit-filters";
import { MAX_EXPORT_ROWS } from "@/lib/audit/export-audit-csv";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { requireAdmin } from "@/lib/auth/session";
import { listTenantChoices } from "@/lib/tenants/list-tenants";
import { formatDateTime } from "@/lib/utils/format";

export const metadata: Metadata = { title: "Audit log" };

const GROUP_LABELS: Record<(typeof ACTION_GROUPS)[number], string> = {
  authorization: "All authorization events",
  app_client: "All app-client events",
  tenant: "All tenant events",
  api_key: "All API-key events",
  ledger: "All roles-ledger changes",
  auth: "All sign-ins",
};

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdmin("/admin/audit");
  const filters = parseAuditFilters(await searchParams);
  const [{ entries, nextBefore }, tenants] = await Promise.all([listAuditEvents(filters), listTenantChoices()]);
  const withoutCursor = { ...filters, before: undefined };
  const filtered = Object.entries(withoutCursor).some(([, value]) => value !== undefined);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Audit log</h1>
          <p className="text-sm text-muted-foreground">Every authorization, tenant and app-client event, with who did it. Entries can never be edited or deleted.</p>
        </div>
        <Button asChild variant="outline">
          <a href={`/admin/audit/export${auditQuery(withoutCursor)}`} download>
            Download CSV
          </a>
        </Button>
      </div>

      <form method="get" action="/admin/audit" aria-label="Filter the audit log" className="grid gap-3 rounded-xl border bg-card p-4 text-sm sm:grid-cols-2 lg:grid-cols-3">
        <label className="space-y-1">
          <span className="font-medium">Event</span>
          <NativeSelect name="action" defaultValue={filters.action ?? ""} className="w-full">
            <option value="">Every event</option>
            {ACTION_GROUPS.map((group) => (
              <option key={group} value={`${group}.*`}>
                {GROUP_LABELS[group]}
              </option>
            ))}
            {Object.entries(ADMIN_AUDIT_LABELS).map(([action, label]) => (
              <option key={action} value={action}>
                {label}
              </option>
            ))}
          </NativeSelect>
        </label>
        <label className="space-y-1">
          <span className="font-medium">Actor</span>
          <NativeSelect name="actor" defaultValue={filters.actor ?? ""} className="w-full">
            <option value="">Anyone</option>
            {ACTOR_TYPES.map((a) => (
              <option key={a} value={a}>
                {ACTOR_LABELS[a]}
              </option>
            ))}
          </NativeSelect>
        </label>
        <label className="space-y-1">
          <span className="font-medium">Tenant</span>
          <NativeSelect name="tenant" defaultValue={filters.tenant ?? ""} className="w-full">
            <option value="">Every tenant</option>
            {filters.tenant && !tenants.some((t) => t.id === filters.tenant) && <option value={filters.tenant}>{filters.tenant}</option>}
            {tenants.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </NativeSelect>
        </label>
        <label className="space-y-1">
          <span className="font-medium">From (UTC)</span>
          <Input type="date" name="from" defaultValue={filters.from} />
        </label>
        <label className="space-y-1">
          <span className="font-medium">To (UTC, inclusive)</span>
          <Input type="date" name="to" defaultValue={filters.to} />
        </label>
        {filters.authorization && <input type="hidden" name="authorization" value={filters.authorization} />}
        <div className="flex items-end gap-2">
          <Button type="submit">Apply filters</Button>
          {filtered && (
            <Button asChild variant="ghost">
              <Link href="/admin/audit">Clear filters</Link>
            </Button>
          )}
        </div>
      </form>

      {/* On a phone each entry is a card: its cells stacked, each self-describing (no header row). */}
      <Table className="max-sm:block max-sm:[&_tbody]:block max-sm:[&_td]:block max-sm:[&_td]:py-1 max-sm:[&_thead]:hidden max-sm:[&_tr]:block max-sm:[&_tr]:py-3">
        <TableHeader>
          <TableRow>
            <TableHead>When</TableHead>
            <TableHead>Event</TableHead>
            <TableHead>Actor</TableHead>
            <TableHead>Tenant</TableHead>
            <TableHead>Details</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {entries.map((e) => (
            <TableRow key={e.id} data-testid="audit-row">
              <TableCell className="whitespace-nowrap text-muted-foreground">{formatDateTime(e.at)}</TableCell>
              <TableCell>
                <span className="font-medium">{auditLabel(e.action)}</span>
                <span className="block font-mono text-xs text-muted-foreground">{e.action}</span>
              </TableCell>
              <TableCell>
                {ACTOR_LABELS[e.actorType]}
                {e.actorEmail && <span className="block text-xs text-muted-foreground">{e.actorEmail}</span>}
              </TableCell>
              <TableCell className="sm:min-w-32">
                {e.tenantId ? (
                  <Link href={`/admin/tenants/${e.tenantId}`} className="text-primary hover:underline">
                    {e.tenantName ?? e.tenantId}
                  </Link>
                ) : (
                  <span className="text-muted-foreground max-sm:hidden">—</span>
                )}
                {e.authorizationId && (
                  <Link href={`/admin/authorizations/${e.authorizationId}`} className="block text-xs text-primary hover:underline">
                    Authorization
                  </Link>
                )}
              </TableCell>
              <TableCell className="w-[38%] min-w-[18rem]">
                <AuditDetails details={e.details} />
              </TableCell>
            </TableRow>
          ))}
          {entries.length === 0 && (
            <TableRow>
              <TableCell colSpan={5} className="py-10 text-center text-muted-foreground">
                {filtered || filters.before ? "No events match these filters." : "No events recorded yet."}
              </TableCell>
            </TableRow>
          )}
        </TableBody>
      </Table>

      <div className="flex items-center justify-between text-sm">
        {filters.before ? (
          <Link href={`/admin/audit${auditQuery(withoutCursor)}`} className="text-primary hover:underline">
            ← Newest
          </Link>
        ) : (
          <span />
        )}
        <span className="text-muted-foreground">CSV exports hold at most {MAX_EXPORT_ROWS.toLocaleString("en-US")} entries; narrow the dates for more.</span>
        {nextBefore ? (
          <Link href={`/admin/audit${auditQuery(filters, { before: nextBefore })}`} className="text-primary hover:underline">
            Older →
          </Link>
        ) : (
          <span />
        )}
      </div>
    </div>
  );
}
