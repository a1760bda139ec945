import Link from "next/link";
import type { ReactNode } from "react";
import { SignOutButton } from "@/app/(auth)/sign-out-button";
import { SiteHeader } from "@/components/brand/site-header";
import { QueryProvider } from "@/components/providers/query-provider";
import { requireAdmin } from "@/lib/auth/session";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requireAdmin();
  return (
    <>
      <SiteHeader>
        <Link href="/admin" className="rounded-md px-3 py-1.5 font-medium hover:bg-accent">
          Tenants
        </Link>
        <Link href="/admin/self-authorize" className="hidden rounded-md px-3 py-1.5 font-medium hover:bg-accent sm:inline-block">
          Self-authorize
        </Link>
        <Link href="/admin/app-client" className="hidden rounded-md px-3 py-1.5 font-medium hover:bg-accent sm:inline-block">
          App client
        </Link>
        <Link href="/admin/api-keys" className="hidden rounded-md px-3 py-1.5 font-medium hover:bg-accent sm:inline-block">
          API keys
        </Link>
        <Link href="/admin/outbox" className="hidden rounded-md px-3 py-1.5 font-medium hover:bg-accent sm:inline-block">
          Outbox
        </Link>
        <Link href="/admin/monitoring" className="hidden rounded-md px-3 py-1.5 font-medium hover:bg-accent sm:inline-block">
          Monitoring
        </Link>
        <Link href="/admin/alerts" className="hidden rounded-md px-3 py-1.5 font-medium hover:bg-accent sm:inline-block">
          Alerts
        </Link>
        <Link href="/admin/health" className="hidden rounded-md px-3 py-1.5 font-medium hover:bg-accent sm:inline-block">
          Health
        </Link>
        <Link href="/admin/audit" className="hidden rounded-md px-3 py-1.5 font-medium hover:bg-accent sm:inline-block">
          Audit log
        </Link>
        <span className="hidden text-muted-foreground md:inline">{user.email}</span>
        <SignOutButton variant="ghost" />
      </SiteHeader>
      <main className="mx-auto w-full max-w-5xl px-4 py-8 sm:px-6">
        <QueryProvider>{children}</QueryProvider>
      </main>
    </>
  );
}
