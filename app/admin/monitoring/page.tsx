import type { Metadata } from "next";
import Link from "next/link";
import { OutcomeCharts } from "@/components/admin/monitoring/outcome-charts";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireAdmin } from "@/lib/auth/session";
import { getTopFailingAuthorizations, isOutcomeRange, OUTCOME_RANGES } from "@/lib/monitoring/get-outcome-series";
import { cn } from "@/lib/utils/cn";

export const metadata: Metadata = { title: "Monitoring" };

export default async function MonitoringPage({ searchParams }: { searchParams: Promise<{ range?: string }> }) {
  await requireAdmin("/admin/monitoring");
  const requested = (await searchParams).range;
  const range = isOutcomeRange(requested) ? requested : "24h";
  const failing = await getTopFailingAuthorizations({ range });
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Monitoring</h1>
        <p className="mt-2 text-muted-foreground">
          Outcomes of every SP-API call reported by the workers and made by Latchkey itself, and every token refresh, counted per minute. Spikes of 401 or 403 usually mean a partner
          revoked the app or a role is missing.
        </p>
      </div>
      <nav className="flex gap-2 text-sm" aria-label="Period">
        {Object.entries(OUTCOME_RANGES).map(([key, { label }]) => (
          <Link key={key} href={`/admin/monitoring?range=${key}`} aria-current={key === range ? "page" : undefined} className={cn("rounded-md border px-3 py-1.5", key === range ? "bg-accent font-medium" : "hover:bg-accent")}>
            {label}
          </Link>
        ))}
      </nav>
      <OutcomeCharts range={range} />
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
            {failing.map((f) => (
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
            {failing.length === 0 && (
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
