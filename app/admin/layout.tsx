import type { ReactNode } from "react";
import { SignOutButton } from "@/app/(auth)/sign-out-button";
import { AdminNav } from "@/components/admin/admin-nav";
import { SiteHeader } from "@/components/brand/site-header";
import { QueryProvider } from "@/components/providers/query-provider";
import { requireAdmin } from "@/lib/auth/session";

// No title template here: a partner sent to the 404 from an admin page would get it too ("Page not found ·
// Admin"), telling them the admin side exists. Each admin page names itself instead.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requireAdmin();
  return (
    <div lang="en">
      <SiteHeader>
        <span className="hidden text-muted-foreground md:inline">{user.email}</span>
        <SignOutButton variant="ghost" />
      </SiteHeader>
      <AdminNav />
      <main className="mx-auto w-full max-w-5xl px-4 py-8 sm:px-6">
        <QueryProvider>{children}</QueryProvider>
      </main>
    </div>
  );
}
