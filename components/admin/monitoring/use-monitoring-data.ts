"use client";
// One polling hook per admin resource (see use-polled-json.ts).
import type { AlertListView } from "@/lib/alerts/alert-view";
import type { MonitoringSnapshot } from "@/lib/monitoring/get-monitoring-snapshot";
import { usePolledJson } from "./use-polled-json";

/** /admin/monitoring's charts and table for one range. */
export function useMonitoringSnapshot(initial: MonitoringSnapshot) {
  return usePolledJson<MonitoringSnapshot>(`/admin/monitoring/data?range=${encodeURIComponent(initial.range)}`, initial);
}

/** /admin/alerts' list with the page's filters. */
export function useAlertList(initial: AlertListView, filters: { state: string; rule?: string }) {
  const query = new URLSearchParams({ state: filters.state, ...(filters.rule ? { rule: filters.rule } : {}) });
  return usePolledJson<AlertListView>(`/admin/alerts/data?${query.toString()}`, initial);
}
