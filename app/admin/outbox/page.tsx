import type { Metadata } from "next";
import { UndeliveredEmails } from "@/components/admin/undelivered-emails";
import { Badge } from "@/components/ui/badge";
import { requireAdmin } from "@/lib/auth/session";
import { listOutbox, OUTBOX_PAGE_SIZE } from "@/lib/email/list-outbox";
import { listUndeliveredEmails } from "@/lib/email/list-undelivered-emails";
import { emailMode } from "@/lib/email/mode";
import { OutboxList } from "../../dev/outbox/outbox-list";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Email outbox" };

const UNDELIVERED_DAYS = 7;

export default async function AdminOutboxPage() {
  await requireAdmin("/admin/outbox");
  const [emails, undelivered] = await Promise.all([
    listOutbox({ limit: OUTBOX_PAGE_SIZE }),
    listUndeliveredEmails({ withinDays: UNDELIVERED_DAYS }),
  ]);
  const mode = emailMode();
  return (
    <div className="mx-auto max-w-3xl">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">Email outbox</h1>
        <Badge variant={mode === "resend" ? "success" : "warning"}>{mode === "resend" ? "sending through Resend" : "development outbox"}</Badge>
      </div>
      <p className="mt-2 text-muted-foreground">
        Every email Latchkey sent or tried to send, the latest {OUTBOX_PAGE_SIZE} first. Sign-in links are removed from every email
        here except in the development outbox. A send Resend did not accept for a passing reason (a timeout, a 5xx, a 429) is
        retried with backoff before it counts as failed.
      </p>
      <div className="mt-6">
        <UndeliveredEmails emails={undelivered} days={UNDELIVERED_DAYS} />
      </div>
      <div className="mt-6">
        <OutboxList emails={emails} basePath="/admin/outbox" />
      </div>
    </div>
  );
}
