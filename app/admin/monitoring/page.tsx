import type { Metadata } from "next";
import Link from "next/link";
import { FailedWorkflowRuns } from "@/components/admin/monitoring/failed-workflow-runs";
import { LiveMonitoring } from "@/components/admin/monitoring/live-monitoring";
import { MonitoringNav } from "@/components/admin/monitoring/monitoring-nav";
import { requireAdmin } from "@/lib/auth/session";
import { isOutcomeRange, OUTCOME_RANGES } from "@/lib/monitoring/get-outcome-series";
import { getMonitoringSnapshot } from "@/lib/monitoring/get-monitoring-snapshot";
import { cn } from "@/lib/utils/cn";
import { listFailedWorkflowRuns } from "@/lib/workflows/failed-runs";

export const metadata: Metadata = { title: "Monitoring" };

export default async function MonitoringPage({ searchParams }: { searchParams: Promise<{ range?: string }> }) {
  await requireAdmin("/admin/monitoring");
  const requested = (await searchParams).range;
  const range = isOutcomeRange(requested) ? requested : "24h";
  const [snapshot, failedRuns] = await Promise.all([getMonitoringSnapshot({ range }), listFailedWorkflowRuns()]);
  return (
    <div className="space-y-6">
      <MonitoringNav current="/admin/monitoring" />
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
      <FailedWorkflowRuns {...failedRuns} />
      <LiveMonitoring initial={snapshot} />
    </div>
  );
}
