import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { focusManager, QueryObserver } from "@tanstack/react-query";
import { describeRefreshError, fetchAdminJson } from "@/components/admin/monitoring/admin-json";
import { adoptServerData, alertListQuery, monitoringSnapshotQuery } from "@/components/admin/monitoring/use-monitoring-data";
import { createQueryClient } from "@/components/providers/query-client";
import type { AlertListView } from "@/lib/alerts/alert-view";
import type { MonitoringSnapshot } from "@/lib/monitoring/get-monitoring-snapshot";

// TanStack Query never polls on the server (it checks `typeof window` once, when loaded): these tests play the
// browser, so a window exists before the library is imported. The tab's visibility is driven via focusManager.
vi.hoisted(() => {
  Object.assign(globalThis, { window: globalThis });
});

const start = new Date("2026-12-01T09:00:00.000Z");
const list = (openCount: number, generatedAt: string): AlertListView => ({ alerts: [], openCount, generatedAt });
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  vi.useFakeTimers({ now: start });
  fetchMock.mockReset();
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => {
  focusManager.setFocused(undefined);
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const requestedUrls = () => fetchMock.mock.calls.map(([url]) => String(url));

describe("the alerts list query", () => {
  it("shows the server render's list without a fetch, then refreshes every 30 seconds", async () => {
    const client = createQueryClient();
    const observer = new QueryObserver(client, alertListQuery(list(0, start.toISOString()), { state: "all" }));
    const seen: (number | undefined)[] = [];
    const unsubscribe = observer.subscribe((result) => seen.push(result.data?.openCount));
    expect(observer.getCurrentResult().data?.openCount).toBe(0);
    expect(fetchMock).not.toHaveBeenCalled();

    fetchMock.mockResolvedValueOnce(json(list(2, new Date(start.getTime() + 30_000).toISOString())));
    await vi.advanceTimersByTimeAsync(29_000);
    expect(fetchMock).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1_500);
    expect(requestedUrls()).toEqual(["/admin/alerts/data?state=all"]);
    expect(observer.getCurrentResult().data?.openCount).toBe(2);
    expect(seen.at(-1)).toBe(2);
    unsubscribe();
  });

  it("keeps the last good list when a refresh fails, says why, and clears that after the next good one", async () => {
    const client = createQueryClient();
    const observer = new QueryObserver(client, alertListQuery(list(1, start.toISOString()), { state: "OPEN", rule: "refresh_failures" }));
    const unsubscribe = observer.subscribe(() => {});

    // The refresh and its one retry both fail.
    fetchMock.mockImplementation(async () => json({ error: { code: "internal", message: "the database is not answering" } }, 503));
    await vi.advanceTimersByTimeAsync(30_000 + 2_000);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(requestedUrls()[0]).toBe("/admin/alerts/data?state=OPEN&rule=refresh_failures");
    const failed = observer.getCurrentResult();
    expect(failed.data?.openCount).toBe(1);
    expect(describeRefreshError(failed.error)).toBe("the database is not answering");

    fetchMock.mockImplementation(async () => json(list(3, new Date(start.getTime() + 60_000).toISOString())));
    await vi.advanceTimersByTimeAsync(30_000);
    const recovered = observer.getCurrentResult();
    expect(recovered.data?.openCount).toBe(3);
    expect(describeRefreshError(recovered.error)).toBeNull();
    unsubscribe();
  });

  it("does not poll while the tab is hidden and refreshes when it is visible again", async () => {
    const client = createQueryClient();
    client.mount(); // as QueryClientProvider does: the client now hears the tab become visible
    const observer = new QueryObserver(client, alertListQuery(list(0, start.toISOString()), { state: "all" }));
    const unsubscribe = observer.subscribe(() => {});
    fetchMock.mockImplementation(async () => json(list(4, new Date().toISOString())));

    focusManager.setFocused(false);
    await vi.advanceTimersByTimeAsync(95_000);
    expect(fetchMock).not.toHaveBeenCalled();

    focusManager.setFocused(true);
    await vi.advanceTimersByTimeAsync(100);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(observer.getCurrentResult().data?.openCount).toBe(4);
    unsubscribe();
    client.unmount();
  });

  it("keeps one cache entry per set of filters", () => {
    const initial = list(0, start.toISOString());
    const all = alertListQuery(initial, { state: "all" }).queryKey;
    const open = alertListQuery(initial, { state: "OPEN" }).queryKey;
    const openRule = alertListQuery(initial, { state: "OPEN", rule: "refresh_failures" }).queryKey;
    expect(new Set([all, open, openRule].map((k) => JSON.stringify(k))).size).toBe(3);
    expect(openRule).toContainEqual({ state: "OPEN", rule: "refresh_failures" });
  });
});

describe("a newer server render", () => {
  it("replaces older cached data (after Check now revalidates the page) but never newer polled data", () => {
    const client = createQueryClient();
    const options = alertListQuery(list(0, start.toISOString()), { state: "all" });
    client.setQueryData(options.queryKey, list(1, "2026-12-01T09:00:30.000Z"));

    adoptServerData(client, options.queryKey, list(5, "2026-12-01T09:00:10.000Z"));
    expect(client.getQueryData(options.queryKey)?.openCount).toBe(1);

    adoptServerData(client, options.queryKey, list(2, "2026-12-01T09:00:45.000Z"));
    expect(client.getQueryData(options.queryKey)?.openCount).toBe(2);
  });
});

describe("the monitoring snapshot query", () => {
  it("polls the data route for the page's range", async () => {
    const snapshot: MonitoringSnapshot = {
      range: "1h",
      series: { range: "1h", stepMs: 60_000, points: [], totals: { calls: 0, s401: 0, s403: 0, s429: 0, s5xx: 0, network: 0, refreshes: 0, refreshFailures: 0 }, avgLatencyMs: null },
      failing: [],
      generatedAt: start.toISOString(),
    };
    const options = monitoringSnapshotQuery(snapshot);
    expect(options.queryKey).toContainEqual({ range: "1h" });
    const client = createQueryClient();
    const observer = new QueryObserver(client, options);
    const unsubscribe = observer.subscribe(() => {});
    fetchMock.mockImplementation(async () => json({ ...snapshot, generatedAt: new Date().toISOString() }));
    await vi.advanceTimersByTimeAsync(30_000);
    expect(requestedUrls()).toEqual(["/admin/monitoring/data?range=1h"]);
    unsubscribe();
  });
});

describe("refresh errors in plain words", () => {
  it("names an ended session, the server's own message, and an unreachable server", async () => {
    fetchMock.mockResolvedValueOnce(json({ error: { code: "unauthorized", message: "x" } }, 401));
    await expect(fetchAdminJson("/admin/alerts/data")).rejects.toThrow("your session has ended; sign in again");
    fetchMock.mockResolvedValueOnce(new Response("<html>", { status: 502 }));
    await expect(fetchAdminJson("/admin/alerts/data")).rejects.toThrow("the server answered HTTP 502");
    fetchMock.mockRejectedValueOnce(new TypeError("fetch failed"));
    const offline = await fetchAdminJson("/admin/alerts/data").catch((error: unknown) => error);
    expect(describeRefreshError(offline)).toBe("the server could not be reached");
    expect(describeRefreshError(null)).toBeNull();
  });
});
