// Reading the admin JSON routes that keep /admin/monitoring and /admin/alerts fresh, and saying in plain words
// why a refresh failed.

export const REFRESH_INTERVAL_MS = 30_000;

/** GET an admin JSON route; a refusal becomes an Error carrying the server's own message. */
export async function fetchAdminJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(url, { headers: { accept: "application/json" }, cache: "no-store", signal });
  if (response.ok) return (await response.json()) as T;
  if (response.status === 401) throw new Error("your session has ended; sign in again");
  const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  throw new Error(body?.error?.message ?? `the server answered HTTP ${response.status}`);
}

/** The last refresh's failure in plain words, or null. fetch() itself throws a TypeError when the network fails. */
export function describeRefreshError(error: unknown): string | null {
  if (error === null || error === undefined) return null;
  if (error instanceof Error && error.name !== "TypeError") return error.message;
  return "the server could not be reached";
}
