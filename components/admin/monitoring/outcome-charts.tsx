import "server-only";
// SP-API outcome charts, overall or for one authorization (the dashboard's detail page reuses it).
// Server component: the data comes from lib/monitoring; the charts are drawn on the client.
// /admin/monitoring polls instead (live-monitoring.tsx).
import { getOutcomeSeries, type OutcomeRange } from "@/lib/monitoring/get-outcome-series";
import { OutcomeChartsPanel } from "./outcome-charts-panel";

export async function OutcomeCharts({ authorizationId, range = "24h" }: { authorizationId?: string; range?: OutcomeRange }) {
  return <OutcomeChartsPanel series={await getOutcomeSeries({ authorizationId, range })} />;
}
