// The outcome summary and charts for one series. Rendered by the server (OutcomeCharts) and by the
// monitoring page's polling view alike.
import type { OutcomeSeries } from "@/lib/monitoring/get-outcome-series";
import { OutcomeChartsView } from "./outcome-charts-view";

function rate(part: number, whole: number): string {
  return whole === 0 ? "—" : `${((part / whole) * 100).toFixed(1)}%`;
}

export function OutcomeChartsPanel({ series }: { series: OutcomeSeries }) {
  const { totals } = series;
  const summary = [
    ["SP-API calls", String(totals.calls)],
    ["401", rate(totals.s401, totals.calls)],
    ["403", rate(totals.s403, totals.calls)],
    ["429", rate(totals.s429, totals.calls)],
    ["5xx / no answer", rate(totals.s5xx + totals.network, totals.calls)],
    ["Average latency", series.avgLatencyMs === null ? "—" : `${series.avgLatencyMs} ms`],
    ["Refresh failures", `${totals.refreshFailures} of ${totals.refreshes}`],
  ] as const;
  return (
    <section className="space-y-4" data-testid="outcome-charts">
      <dl className="grid gap-3 text-sm sm:grid-cols-4 lg:grid-cols-7">
        {summary.map(([label, value]) => (
          <div key={label} data-testid={`summary-${label}`}>
            <dt className="text-muted-foreground">{label}</dt>
            <dd className="text-lg font-semibold">{value}</dd>
          </div>
        ))}
      </dl>
      {totals.calls === 0 && totals.refreshes === 0 ? (
        <p className="text-sm text-muted-foreground">No SP-API calls or token refreshes were recorded in this period.</p>
      ) : (
        <OutcomeChartsView points={series.points} stepMs={series.stepMs} />
      )}
    </section>
  );
}
