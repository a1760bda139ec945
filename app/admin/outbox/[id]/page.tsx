import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SiteHeader } from "@/components/brand/site-header";
import { requireAdmin } from "@/lib/auth/session";
import { getOutboxEmail } from "@/lib/email/get-outbox-email";
import { SignOutButton } from "../../../(auth)/sign-out-button";
import { EmailView } from "../../../dev/outbox/email-view";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Email outbox" };

export default async function AdminOutboxEmailPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireAdmin(`/admin/outbox/${encodeURIComponent(id)}`);
  const email = await getOutboxEmail(id);
  if (!email) notFound();
  return (
    <>
      <SiteHeader>
        <SignOutButton />
      </SiteHeader>
      <main className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
        <EmailView email={email} backHref="/admin/outbox" backLabel="Email outbox" />
      </main>
    </>
  );
}
