"use client";
// /admin/monitoring's charts and failing-authorizations table, refreshed every 30 seconds.
import Link from "next/link";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { MonitoringSnapshot } from "@/lib/monitoring/get-monitoring-snapshot";
import { OutcomeChartsPanel } from "./outcome-charts-panel";
import { RefreshNote } from "./refresh-note";
import { useMonitoringSnapshot } from "./use-monitoring-data";

export function LiveMonitoring({ initial }: { initial: MonitoringSnapshot }) {
  const { data, error } = useMonitoringSnapshot(initial);
  return (
    <div className="space-y-6">
      <RefreshNote generatedAt={data.generatedAt} error={error} />
      <OutcomeChartsPanel series={data.series} />
      <div className="space-y-2">
        <h2 className="text-lg font-semibold">Authorizations with the most failed calls</h2>
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Tenant</TableHead>
              <TableHead className="text-right">Calls</TableHead>
              <TableHead className="text-right">Failed</TableHead>
              <TableHead className="text-right">401</TableHead>
              <TableHead className="text-right">403</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {data.failing.map((f) => (
              <TableRow key={f.authorizationId}>
                <TableCell>
                  <Link href={`/admin/tenants/${f.tenantId}`} className="font-medium underline-offset-4 hover:underline">
                    {f.tenantName}
                  </Link>
                  <span className="ml-2 text-xs text-muted-foreground">{f.region}</span>
                </TableCell>
                <TableCell className="text-right">{f.calls}</TableCell>
                <TableCell className="text-right">{f.failures}</TableCell>
                <TableCell className="text-right">{f.s401}</TableCell>
                <TableCell className="text-right">{f.s403}</TableCell>
              </TableRow>
            ))}
            {data.failing.length === 0 && (
              <TableRow>
                <TableCell colSpan={5} className="py-8 text-center text-muted-foreground">
                  No failed calls in this period.
                </TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}
