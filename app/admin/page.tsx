import type { Metadata } from "next";
import Link from "next/link";
import { StatusBadge } from "@/components/connect/status-badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { requireAdmin } from "@/lib/auth/session";
import { listTenants } from "@/lib/tenants/list-tenants";
import { formatDate } from "@/lib/utils/format";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

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
      <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Tenant</TableHead>
              <TableHead>Type</TableHead>
              <TableHead>Connections</TableHead>
              <TableHead>Since</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {result.tenants.map((tenant) => (
              <TableRow key={tenant.id}>
                <TableCell>
                  <Link href={`/admin/tenants/${tenant.id}`} className="font-medium text-primary hover:underline">
                    {tenant.name}
                  </Link>
                  <p className="text-muted-foreground">{tenant.contactEmail}</p>
                </TableCell>
                <TableCell>{tenant.kind === "SELLER" ? "Seller" : "Vendor"}</TableCell>
                <TableCell className="space-y-1">
                  {tenant.authorizations.length === 0
                    ? "—"
                    : tenant.authorizations.map((a) => (
                        <div key={a.id} className="flex items-center gap-2">
                          <span className="w-6 font-mono text-xs">{a.region}</span>
                          <StatusBadge status={a.status} />
                        </div>
                      ))}
                </TableCell>
                <TableCell className="text-muted-foreground">{formatDate(tenant.createdAt)}</TableCell>
              </TableRow>
            ))}
            {result.tenants.length === 0 && (
              <TableRow>
                <TableCell colSpan={4} className="py-8 text-center text-muted-foreground">
                  No tenants{q ? ` match “${q}”` : " yet"}.
                </TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      <div className="flex justify-between text-sm">
        {result.page > 1 ? <Link href={`/admin?${new URLSearchParams({ ...(q ? { q } : {}), page: String(result.page - 1) })}`}>← Previous</Link> : <span />}
        {result.hasMore && <Link href={`/admin?${new URLSearchParams({ ...(q ? { q } : {}), page: String(result.page + 1) })}`}>Next →</Link>}
      </div>
    </div>
  );
}
