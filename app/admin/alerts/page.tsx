import type { Metadata } from "next";
import { EvaluateAlertsButton } from "@/components/admin/monitoring/evaluate-alerts-button";
import { LiveAlertList } from "@/components/admin/monitoring/live-alert-list";
import { MonitoringNav } from "@/components/admin/monitoring/monitoring-nav";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/native-select";
import { alertFilters, listAlertsView } from "@/lib/alerts/list-alerts";
import { ALERT_RULES, RULE_LABELS } from "@/lib/alerts/rules";
import { requireAdmin } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Alerts" };

export default async function AlertsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await requireAdmin("/admin/alerts");
  const filters = alertFilters.parse(await searchParams);
  const view = await listAlertsView(filters);
  return (
    <div className="space-y-6">
      <MonitoringNav current="/admin/alerts" />
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Alerts</h1>
          <p className="mt-2 text-muted-foreground">
            An alert fires once, notifies the admins by email and the webhook (a failed notification is tried again, up to a few times), and resolves by itself when
            its condition clears.
          </p>
        </div>
        <EvaluateAlertsButton />
      </div>
      <form method="get" className="flex flex-wrap items-end gap-3 text-sm">
        <label className="space-y-1">
          <span className="block text-muted-foreground">State</span>
          <NativeSelect name="state" defaultValue={filters.state}>
            <option value="all">Open and resolved</option>
            <option value="OPEN">Open</option>
            <option value="RESOLVED">Resolved</option>
          </NativeSelect>
        </label>
        <label className="space-y-1">
          <span className="block text-muted-foreground">Rule</span>
          <NativeSelect name="rule" defaultValue={filters.rule ?? ""}>
            <option value="">Every rule</option>
            {ALERT_RULES.map((rule) => (
              <option key={rule} value={rule}>
                {RULE_LABELS[rule]}
              </option>
            ))}
          </NativeSelect>
        </label>
        <Button type="submit" size="sm" variant="outline">
          Filter
        </Button>
      </form>
      <LiveAlertList initial={view} filters={{ state: filters.state, rule: filters.rule }} />
    </div>
  );
}
