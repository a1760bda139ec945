import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { RegisterForm } from "@/components/connect/register-form";
import { MARKETPLACES } from "@/lib/amazon/marketplaces";
import { requirePartner } from "@/lib/auth/session";
import { REGION_NAMES } from "@/lib/authorizations/status-copy";

export const metadata: Metadata = { title: "Tell us about your business" };

export default async function RegisterPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  const user = await requirePartner("/connect/register");
  if (user.tenantId) redirect("/connect");
  return (
    <div className="space-y-8">
      <div>
        <p className="text-sm font-medium text-primary">Step 1 of 2</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">Tell us about your business</h1>
        <p className="mt-2 text-muted-foreground">We use this to send you to the right Amazon page and to reach you about your connection.</p>
      </div>
      <RegisterForm
        defaultEmail={user.email}
        next={next?.startsWith("/appstore/login?") ? next : undefined}
        marketplaces={MARKETPLACES.map((m) => ({ id: m.id, name: m.name, region: m.region }))}
        regionNames={REGION_NAMES}
      />
    </div>
  );
}
