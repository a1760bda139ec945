"use client";
// One TanStack Query hook per polled admin resource. The server render's data is the query's initial data, so
// the first paint needs no fetch; after that the query refetches every 30 seconds while the tab is visible
// (refetchIntervalInBackground stays false), keeps the last good data when a refresh fails, and takes newer
// data from a later server render (a navigation or a server action's revalidatePath).
import { hashKey, keepPreviousData, type QueryClient, type QueryKey, queryOptions, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import type { AlertListView } from "@/lib/alerts/alert-view";
import type { MonitoringSnapshot } from "@/lib/monitoring/get-monitoring-snapshot";
import { describeRefreshError, fetchAdminJson, REFRESH_INTERVAL_MS } from "./admin-json";

export interface Refreshed<T> {
  data: T;
  /** The last refresh's failure in plain words, or null. The data shown is then the last good one. */
  error: string | null;
}

export interface AlertListFilters {
  state: string;
  rule?: string;
}

/** The query behind /admin/monitoring for one range, seeded with the server render's snapshot. */
export function monitoringSnapshotQuery(initial: MonitoringSnapshot) {
  const range = initial.range;
  return queryOptions({
    queryKey: ["admin", "monitoring", { range }] as const,
    queryFn: ({ signal }) => fetchAdminJson<MonitoringSnapshot>(`/admin/monitoring/data?range=${encodeURIComponent(range)}`, signal),
    initialData: initial,
    initialDataUpdatedAt: Date.parse(initial.generatedAt),
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_INTERVAL_MS,
  });
}

/** The query behind /admin/alerts with the page's filters, seeded with the server render's list. */
export function alertListQuery(initial: AlertListView, filters: AlertListFilters) {
  const { state, rule } = filters;
  const search = new URLSearchParams({ state, ...(rule ? { rule } : {}) });
  return queryOptions({
    queryKey: ["admin", "alerts", { state, rule: rule ?? null }] as const,
    queryFn: ({ signal }) => fetchAdminJson<AlertListView>(`/admin/alerts/data?${search.toString()}`, signal),
    initialData: initial,
    initialDataUpdatedAt: Date.parse(initial.generatedAt),
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_INTERVAL_MS,
  });
}

/**
 * initialData only seeds an empty cache, so data from a newer server render (a navigation back to the page, a
 * server action's revalidatePath) replaces what the cache holds; an older one does not.
 */
export function adoptServerData<T extends { generatedAt: string }>(client: QueryClient, queryKey: QueryKey, initial: T): void {
  const cached = client.getQueryData<T>(queryKey);
  if (cached === undefined || Date.parse(cached.generatedAt) < Date.parse(initial.generatedAt)) {
    client.setQueryData<T>(queryKey, initial, { updatedAt: Date.parse(initial.generatedAt) });
  }
}

function useNewerServerData<T extends { generatedAt: string }>(queryKey: QueryKey, initial: T) {
  const client = useQueryClient();
  const keyHash = hashKey(queryKey);
  useEffect(() => {
    adoptServerData(client, JSON.parse(keyHash) as QueryKey, initial);
  }, [client, keyHash, initial]);
}

/** /admin/monitoring's charts and table for one range. */
export function useMonitoringSnapshot(initial: MonitoringSnapshot): Refreshed<MonitoringSnapshot> {
  const options = monitoringSnapshotQuery(initial);
  useNewerServerData(options.queryKey, initial);
  const { data, error } = useQuery(options);
  return { data, error: describeRefreshError(error) };
}

/** /admin/alerts' list with the page's filters. */
export function useAlertList(initial: AlertListView, filters: AlertListFilters): Refreshed<AlertListView> {
  const options = alertListQuery(initial, filters);
  useNewerServerData(options.queryKey, initial);
  const { data, error } = useQuery(options);
  return { data, error: describeRefreshError(error) };
}
