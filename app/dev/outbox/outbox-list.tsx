// The list of recorded emails, shared by the development outbox and the admin outbox.
import { Inbox } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { OutboxListItem } from "@/lib/email/list-outbox";

const STATUS_VARIANT = { SENT: "success", QUEUED: "secondary", FAILED: "destructive" } as const;

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
      {emails.map((email) => (
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
              <Badge variant={STATUS_VARIANT[email.status]}>{email.status.toLowerCase()}</Badge>
              <time dateTime={email.createdAt.toISOString()}>{formatWhen(email.createdAt)}</time>
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
