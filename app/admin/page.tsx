import type { Metadata } from "next";
import Link from "next/link";
import { StatusBadge } from "@/components/connect/status-badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { requireAdmin } from "@/lib/auth/session";
import { listTenants } from "@/lib/tenants/list-tenants";
import { formatDate } from "@/lib/utils/format";

export const metadata: Metadata = { title: "Tenants" };

export default async function AdminHome({ searchParams }: { searchParams: Promise<{ q?: string; page?: string }> }) {
  await requireAdmin("/admin");
  const { q, page } = await searchParams;
  const result = await listTenants({ query: q, page: Number(page) || 1 });
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h1 className="text-2xl font-semibold tracking-tight">Tenants</h1>
        <form className="flex gap-2" role="search">
          <Input name="q" defaultValue={q} placeholder="Name, email or selling partner ID" aria-label="Search tenants" className="w-72" />
          <Button type="submit" variant="outline">
            Search
          </Button>
        </form>
      </div>
      <div className="overflow-x-auto rounded-xl border bg-card">
        <table className="w-full text-sm">
          <thead className="border-b bg-muted/50 text-left text-muted-foreground">
            <tr>
              <th className="px-4 py-2 font-medium">Tenant</th>
              <th className="px-4 py-2 font-medium">Type</th>
              <th className="px-4 py-2 font-medium">Connections</th>
              <th className="px-4 py-2 font-medium">Since</th>
            </tr>
          </thead>
          <tbody>
            {result.tenants.map((tenant) => (
              <tr key={tenant.id} className="border-b last:border-0">
                <td className="px-4 py-3">
                  <Link href={`/admin/tenants/${tenant.id}`} className="font-medium text-primary hover:underline">
                    {tenant.name}
                  </Link>
                  <p className="text-muted-foreground">{tenant.contactEmail}</p>
                </td>
                <td className="px-4 py-3">{tenant.kind === "SELLER" ? "Seller" : "Vendor"}</td>
                <td className="space-y-1 px-4 py-3">
                  {tenant.authorizations.length === 0
                    ? "—"
                    : tenant.authorizations.map((a) => (
                        <div key={a.id} className="flex items-center gap-2">
                          <span className="w-6 font-mono text-xs">{a.region}</span>
                          <StatusBadge status={a.status} />
                        </div>
                      ))}
                </td>
                <td className="px-4 py-3 text-muted-foreground">{formatDate(tenant.createdAt)}</td>
              </tr>
            ))}
            {result.tenants.length === 0 && (
              <tr>
                <td colSpan={4} className="px-4 py-8 text-center text-muted-foreground">
                  No tenants{q ? ` match “${q}”` : " yet"}.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <div className="flex justify-between text-sm">
        {result.page > 1 ? <Link href={`/admin?${new URLSearchParams({ ...(q ? { q } : {}), page: String(result.page - 1) })}`}>← Previous</Link> : <span />}
        {result.hasMore && <Link href={`/admin?${new URLSearchParams({ ...(q ? { q } : {}), page: String(result.page + 1) })}`}>Next →</Link>}
      </div>
    </div>
  );
}
