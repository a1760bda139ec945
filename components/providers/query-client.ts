import { QueryClient } from "@tanstack/react-query";

/**
 * The browser's TanStack Query client with Latchkey's defaults: data counts as fresh for 15 seconds, a failed
 * fetch is tried once more, and data that went stale is fetched again when the tab comes back into view.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 15_000, retry: 1, refetchOnWindowFocus: true },
    },
  });
}
