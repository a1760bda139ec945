"use client";
// The tenant picker's search: one query per typed text, through the admin JSON route (server-side search,
// a short list however many tenants there are). Kept while the next text's answer is on its way.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { TenantChoice } from "@/lib/tenants/list-tenants";
import { describeRefreshError, fetchAdminJson } from "./monitoring/admin-json";

export function useTenantChoices(query: string, enabled: boolean) {
  const q = query.trim();
  const result = useQuery({
    queryKey: ["admin", "tenant-choices", { q }] as const,
    queryFn: ({ signal }) => fetchAdminJson<{ tenants: TenantChoice[]; limit: number }>(`/admin/api-keys/tenants?${new URLSearchParams({ q })}`, signal),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  return { tenants: result.data?.tenants ?? [], limit: result.data?.limit ?? 0, loading: result.isFetching, error: describeRefreshError(result.error) };
}
