import type { Metadata } from "next";
import type { ReactNode } from "react";
import { SignOutButton } from "@/app/(auth)/sign-out-button";
import { AdminNav } from "@/components/admin/admin-nav";
import { SiteHeader } from "@/components/brand/site-header";
import { QueryProvider } from "@/components/providers/query-provider";
import { requireAdmin } from "@/lib/auth/session";

// Every admin page's title says it is the admin side: "Audit log · Admin · Latchkey".
export const metadata: Metadata = { title: { default: "Admin", template: "%s · Admin · Latchkey" } };

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requireAdmin();
  return (
    <>
      <SiteHeader>
        <span className="hidden text-muted-foreground md:inline">{user.email}</span>
        <SignOutButton variant="ghost" />
      </SiteHeader>
      <AdminNav />
      <main className="mx-auto w-full max-w-5xl px-4 py-8 sm:px-6">
        <QueryProvider>{children}</QueryProvider>
      </main>
    </>
  );
}
