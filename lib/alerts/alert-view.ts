// The alerts list as plain JSON (what /admin/alerts/data returns and the alerts page polls), and how a
// notification's outcome reads in plain words. No server code here: the browser formats it too.
import { formatDateTime } from "@/lib/utils/format";

export interface AlertDeliveryView {
  event: "fired" | "resolved";
  channel: "email" | "webhook";
  status: "sending" | "sent" | "retrying" | "failed" | "skipped";
  httpStatus: number | null;
  error: string | null;
  at: string;
  attempts: number;
  nextAttemptAt: string | null;
}

export interface AlertView {
  id: string;
  rule: string;
  ruleLabel: string;
  title: string;
  message: string;
  tenantId: string | null;
  state: "OPEN" | "RESOLVED";
  firedAt: string;
  resolvedAt: string | null;
  deliveries: AlertDeliveryView[];
}

export interface AlertListView {
  alerts: AlertView[];
  openCount: number;
  /** When this list was read (ISO). */
  generatedAt: string;
}

function describeOutcome(d: AlertDeliveryView): string {
  const after = d.attempts > 1 ? ` after ${d.attempts} attempts` : "";
  switch (d.status) {
    case "sent":
      return `sent${after}`;
    case "skipped":
      return "not configured";
    case "sending":
      return "sending now";
    case "retrying":
      return `attempt ${d.attempts} failed${d.error ? ` (${d.error})` : ""}, trying again ${d.nextAttemptAt ? `at ${formatDateTime(new Date(d.nextAttemptAt))}` : "soon"}`;
    case "failed":
      return `failed for good${d.error ? ` (${d.error})` : ""}`;
    default:
      return d.status;
  }
}

/** "Fired by email: sent; Fired by webhook: attempt 2 failed (…), trying again at …". */
export function describeDeliveries(alert: Pick<AlertView, "deliveries">): string {
  if (alert.deliveries.length === 0) return "Not notified yet";
  return alert.deliveries.map((d) => `${d.event === "fired" ? "Fired" : "Resolved"} by ${d.channel}: ${describeOutcome(d)}`).join("; ");
}
