import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { requireAdmin } from "@/lib/auth/session";
import { listOutbox, OUTBOX_PAGE_SIZE } from "@/lib/email/list-outbox";
import { emailMode } from "@/lib/email/mode";
import { OutboxList } from "../../dev/outbox/outbox-list";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Email outbox" };

export default async function AdminOutboxPage() {
  await requireAdmin("/admin/outbox");
  const emails = await listOutbox({ limit: OUTBOX_PAGE_SIZE });
  const mode = emailMode();
  return (
    <div className="mx-auto max-w-3xl">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">Email outbox</h1>
        <Badge variant={mode === "resend" ? "success" : "warning"}>{mode === "resend" ? "sending through Resend" : "development outbox"}</Badge>
      </div>
      <p className="mt-2 text-muted-foreground">
        Every email Latchkey sent or tried to send, the latest {OUTBOX_PAGE_SIZE} first. Sign-in links are removed from every email
        here except in the development outbox.
      </p>
      <div className="mt-6">
        <OutboxList emails={emails} basePath="/admin/outbox" />
      </div>
    </div>
  );
}
