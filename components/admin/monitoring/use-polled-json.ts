"use client";
// Keeps server-rendered data fresh by polling an admin JSON route. @tanstack/react-query is not among the
// installed packages, so this is a small stand-in with the part of its behaviour the pages need: poll every
// `intervalMs`, pause while the tab is hidden, refetch when it comes back, keep the last good data on an
// error, and start again from whatever a new server render (navigation, revalidatePath) brings.
import { useEffect, useState } from "react";

export const POLL_INTERVAL_MS = 30_000;

export interface Polled<T> {
  data: T;
  /** The last refresh's failure in plain words, or null. The data shown is then the last good one. */
  error: string | null;
}

interface State<T> extends Polled<T> {
  initial: T;
}

async function readJson<T>(url: string, signal: AbortSignal): Promise<T> {
  const response = await fetch(url, { headers: { accept: "application/json" }, cache: "no-store", signal });
  if (response.ok) return (await response.json()) as T;
  if (response.status === 401) throw new Error("your session has ended; sign in again");
  const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  throw new Error(body?.error?.message ?? `the server answered HTTP ${response.status}`);
}

export function usePolledJson<T>(url: string, initialData: T, intervalMs: number = POLL_INTERVAL_MS): Polled<T> {
  const [state, setState] = useState<State<T>>({ data: initialData, error: null, initial: initialData });
  // A new server render brought newer data: show it (React's "adjust state when a prop changes").
  if (state.initial !== initialData) setState({ data: initialData, error: null, initial: initialData });

  useEffect(() => {
    let controller: AbortController | null = null;
    const refresh = async () => {
      if (document.visibilityState === "hidden") return;
      controller?.abort();
      const current = new AbortController();
      controller = current;
      try {
        const data = await readJson<T>(url, current.signal);
        if (!current.signal.aborted) setState((s) => ({ ...s, data, error: null }));
      } catch (error) {
        if (current.signal.aborted) return;
        setState((s) => ({ ...s, error: error instanceof Error && error.name !== "TypeError" ? error.message : "the server could not be reached" }));
      }
    };
    const timer = setInterval(() => void refresh(), intervalMs);
    const onVisibility = () => {
      if (document.visibilityState === "visible") void refresh();
    };
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisibility);
      controller?.abort();
    };
  }, [url, intervalMs]);

  return { data: state.data, error: state.error };
}
