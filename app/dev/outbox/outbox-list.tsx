// The list of recorded emails, shared by the development outbox and the admin outbox.
import { Inbox } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { OutboxListItem } from "@/lib/email/list-outbox";

const STATUS_VARIANT = { SENT: "success", QUEUED: "secondary", FAILED: "destructive" } as const;

/** What a reader of the list needs: sent, retrying (and when), failed for good, or bounced after it was sent. */
export function describeEmailState(email: Pick<OutboxListItem, "status" | "attempts" | "nextAttemptAt" | "bouncedAt" | "complainedAt" | "deliveredAt">): { label: string; variant: "success" | "secondary" | "destructive" | "warning" } {
  if (email.bouncedAt) return { label: "bounced", variant: "destructive" };
  if (email.complainedAt) return { label: "marked as spam", variant: "destructive" };
  if (email.status === "QUEUED" && email.attempts > 1) return { label: `retrying (attempt ${email.attempts})`, variant: "warning" };
  if (email.status === "QUEUED" && email.nextAttemptAt && email.attempts === 1) return { label: "sending", variant: "secondary" };
  if (email.status === "FAILED") return { label: "failed", variant: "destructive" };
  if (email.deliveredAt) return { label: "delivered", variant: "success" };
  return { label: email.status.toLowerCase(), variant: STATUS_VARIANT[email.status] };
}

export function formatWhen(date: Date): string {
  return date.toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC";
}

export function OutboxList({ emails, basePath }: { emails: OutboxListItem[]; basePath: string }) {
  if (emails.length === 0) {
    return (
      <div className="flex flex-col items-center gap-2 rounded-xl border border-dashed px-6 py-12 text-center text-sm text-muted-foreground">
        <Inbox className="size-6" aria-hidden />
        No emails yet. Anything Latchkey sends shows up here.
      </div>
    );
  }
  return (
    <ul className="divide-y overflow-hidden rounded-xl border bg-card shadow-sm" aria-label="Emails, newest first">
      {emails.map((email) => {
        const state = describeEmailState(email);
        return (
        <li key={email.id}>
          <Link
            href={`${basePath}/${email.id}`}
            className="flex flex-col gap-1 px-4 py-3 transition-colors hover:bg-accent sm:flex-row sm:items-center sm:gap-4"
          >
            <span className="min-w-0 flex-1">
              <span className="block truncate font-medium">{email.subject}</span>
              <span className="block truncate text-sm text-muted-foreground">To {email.to}</span>
            </span>
            <span className="flex shrink-0 items-center gap-2 text-xs text-muted-foreground">
              <Badge variant={state.variant}>{state.label}</Badge>
              <time dateTime={email.createdAt.toISOString()}>{formatWhen(email.createdAt)}</time>
            </span>
          </Link>
        </li>
        );
      })}
    </ul>
  );
}
