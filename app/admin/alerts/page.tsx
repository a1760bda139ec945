import type { Metadata } from "next";
import Link from "next/link";
import { EvaluateAlertsButton } from "@/components/admin/monitoring/evaluate-alerts-button";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { alertFilters, listAlerts, type ListedAlert } from "@/lib/alerts/list-alerts";
import { ALERT_RULES, RULE_LABELS } from "@/lib/alerts/rules";
import { requireAdmin } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/utils/format";

export const metadata: Metadata = { title: "Alerts" };

function deliverySummary(alert: ListedAlert): string {
  if (alert.deliveries.length === 0) return "Not notified yet";
  return alert.deliveries
    .map((d) => `${d.event === "fired" ? "Fired" : "Resolved"} by ${d.channel}: ${d.status === "sent" ? "sent" : d.status === "skipped" ? "not configured" : `failed${d.error ? ` (${d.error})` : ""}`}`)
    .join("; ");
}

export default async function AlertsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await requireAdmin("/admin/alerts");
  const filters = alertFilters.parse(await searchParams);
  const { alerts, openCount } = await listAlerts(filters);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Alerts</h1>
          <p className="mt-2 text-muted-foreground">
            {openCount === 0 ? "No alert is open." : `${openCount} alert${openCount === 1 ? " is" : "s are"} open.`} An alert fires once, notifies the admins by email and the
            webhook, and resolves by itself when its condition clears.
          </p>
        </div>
        <EvaluateAlertsButton />
      </div>
      <form method="get" className="flex flex-wrap items-end gap-3 text-sm">
        <label className="space-y-1">
          <span className="block text-muted-foreground">State</span>
          <select name="state" defaultValue={filters.state} className="h-9 rounded-md border bg-background px-2">
            <option value="all">Open and resolved</option>
            <option value="OPEN">Open</option>
            <option value="RESOLVED">Resolved</option>
          </select>
        </label>
        <label className="space-y-1">
          <span className="block text-muted-foreground">Rule</span>
          <select name="rule" defaultValue={filters.rule ?? ""} className="h-9 rounded-md border bg-background px-2">
            <option value="">Every rule</option>
            {ALERT_RULES.map((rule) => (
              <option key={rule} value={rule}>
                {RULE_LABELS[rule]}
              </option>
            ))}
          </select>
        </label>
        <Button type="submit" size="sm" variant="outline">
          Filter
        </Button>
      </form>
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>Alert</TableHead>
            <TableHead>Rule</TableHead>
            <TableHead>Fired</TableHead>
            <TableHead>State</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {alerts.map((alert) => (
            <TableRow key={alert.id} data-testid="alert-row">
              <TableCell className="max-w-md">
                <p className="font-medium">{alert.title}</p>
                <p className="text-sm text-muted-foreground">{alert.message}</p>
                {alert.tenantId && (
                  <Link href={`/admin/tenants/${alert.tenantId}`} className="text-sm underline underline-offset-4">
                    Open the tenant
                  </Link>
                )}
                <p className="mt-1 text-xs text-muted-foreground">{deliverySummary(alert)}</p>
              </TableCell>
              <TableCell>{RULE_LABELS[alert.rule as keyof typeof RULE_LABELS] ?? alert.rule}</TableCell>
              <TableCell className="text-muted-foreground">{formatDateTime(alert.firedAt)}</TableCell>
              <TableCell>
                {alert.state === "OPEN" ? <Badge variant="destructive">Open</Badge> : <Badge variant="secondary">Resolved {formatDateTime(alert.resolvedAt)}</Badge>}
              </TableCell>
            </TableRow>
          ))}
          {alerts.length === 0 && (
            <TableRow>
              <TableCell colSpan={4} className="py-8 text-center text-muted-foreground">
                No alerts match.
              </TableCell>
            </TableRow>
          )}
        </TableBody>
      </Table>
    </div>
  );
}
