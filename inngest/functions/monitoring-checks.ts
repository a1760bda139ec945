import "server-only";
import { evaluateAlerts } from "@/lib/alerts/evaluate-alerts";
import { sweepMonitoringData } from "@/lib/monitoring/sweep-old-buckets";
import { onCron } from "../workflow";

/** Every minute: the alert rules are evaluated; new alerts notify once, cleared ones resolve. */
export const alertEvaluation = onCron({ id: "evaluate-alerts", name: "Evaluate alert rules", cron: "* * * * *" }, async (now, step) =>
  step.run("evaluate-alert-rules", async () => {
    const evaluation = await evaluateAlerts({ now });
    return { fired: evaluation.fired.length, resolved: evaluation.resolved.length, open: evaluation.open, notified: evaluation.notified };
  }),
);

/** Daily: SP-API outcome buckets and resolved alerts past their retention are deleted (bounded storage). */
export const monitoringRetention = onCron({ id: "monitoring-retention", name: "Delete old monitoring data", cron: "TZ=UTC 30 3 * * *" }, async (now, step) =>
  step.run("sweep-monitoring-data", () => sweepMonitoringData({ now })),
);
