"use client";
// /admin/alerts' list, refreshed every 30 seconds: alerts that fire or resolve appear without a reload.
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { describeDeliveries, type AlertListView } from "@/lib/alerts/alert-view";
import { formatDateTime } from "@/lib/utils/format";
import { RefreshNote } from "./refresh-note";
import { useAlertList } from "./use-monitoring-data";

export function LiveAlertList({ initial, filters }: { initial: AlertListView; filters: { state: string; rule?: string } }) {
  const { data, error } = useAlertList(initial, filters);
  const { alerts, openCount } = data;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="font-medium" data-testid="open-alert-count">
          {openCount === 0 ? "No alert is open." : `${openCount} alert${openCount === 1 ? " is" : "s are"} open.`}
        </p>
        <RefreshNote generatedAt={data.generatedAt} error={error} />
      </div>
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
                <p className="mt-1 text-xs text-muted-foreground">{describeDeliveries(alert)}</p>
              </TableCell>
              <TableCell>{alert.ruleLabel}</TableCell>
              <TableCell className="text-muted-foreground">{formatDateTime(new Date(alert.firedAt))}</TableCell>
              <TableCell>
                {alert.state === "OPEN" ? (
                  <Badge variant="destructive">Open</Badge>
                ) : (
                  <Badge variant="secondary">Resolved {formatDateTime(alert.resolvedAt ? new Date(alert.resolvedAt) : null)}</Badge>
                )}
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
