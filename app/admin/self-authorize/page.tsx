import type { Metadata } from "next";
import { SelfAuthorizeForm } from "@/components/admin/self-authorize-form";
import { requireAdmin } from "@/lib/auth/session";
import { listTenantChoices } from "@/lib/tenants/list-tenants";

export const metadata: Metadata = { title: "Self-authorization" };

export default async function SelfAuthorizePage({ searchParams }: { searchParams: Promise<{ tenant?: string }> }) {
  await requireAdmin("/admin/self-authorize");
  const { tenant } = await searchParams;
  const tenants = await listTenantChoices();
  return (
    <div className="max-w-2xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Add a self-authorization</h1>
        <p className="mt-2 text-muted-foreground">For the company&apos;s own seller or vendor account: paste a refresh token minted by “Authorize app”. One refresh and one test call verify it first; nothing is stored if either fails.</p>
      </div>
      <SelfAuthorizeForm tenants={tenants} defaultTenantId={tenants.some((t) => t.id === tenant) ? tenant : undefined} />
    </div>
  );
}
