import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireAdmin } from "@/lib/auth/session";
import { getOutboxEmail } from "@/lib/email/get-outbox-email";
import { EmailView } from "../../../dev/outbox/email-view";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Email outbox" };

export default async function AdminOutboxEmailPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireAdmin(`/admin/outbox/${encodeURIComponent(id)}`);
  const email = await getOutboxEmail(id);
  if (!email) notFound();
  return (
    <div className="mx-auto max-w-3xl">
      <EmailView email={email} backHref="/admin/outbox" backLabel="Email outbox" />
    </div>
  );
}
