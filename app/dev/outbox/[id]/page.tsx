import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SiteHeader } from "@/components/brand/site-header";
import { getOutboxEmail } from "@/lib/email/get-outbox-email";
import { devOutboxEnabled } from "@/lib/email/mode";
import { EmailView } from "../email-view";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Development outbox" };

export default async function DevOutboxEmailPage({ params }: { params: Promise<{ id: string }> }) {
  if (!devOutboxEnabled()) notFound();
  const email = await getOutboxEmail((await params).id);
  if (!email) notFound();
  return (
    <>
      <SiteHeader />
      <main className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
        <EmailView email={email} backHref="/dev/outbox" backLabel="Development outbox" />
      </main>
    </>
  );
}
