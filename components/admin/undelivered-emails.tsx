// Emails that did not reach their reader (failed for good, bounced, marked as spam), with the partner and why.
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { UndeliveredEmail } from "@/lib/email/list-undelivered-emails";
import { formatDateTime } from "@/lib/utils/format";

const KIND_LABEL = { failed: "failed", bounced: "bounced", complained: "marked as spam" } as const;

export function UndeliveredEmails({ emails, days }: { emails: UndeliveredEmail[]; days: number }) {
  if (emails.length === 0) return null;
  return (
    <section aria-labelledby="undelivered-heading" className="rounded-xl border border-destructive/40 bg-card p-4 shadow-sm">
      <h2 id="undelivered-heading" className="font-semibold">
        Not delivered in the last {days} days ({emails.length})
      </h2>
      <p className="mt-1 text-sm text-muted-foreground">
        These emails never reached their reader. Reminders to a bouncing address stop until the partner&apos;s contact email changes.
      </p>
      <ul className="mt-3 divide-y text-sm" data-testid="undelivered-emails">
        {emails.map((email) => (
          <li key={email.id} className="flex flex-col gap-1 py-2" data-testid="undelivered-email">
            <span className="flex flex-wrap items-center gap-2">
              <Badge variant="destructive">{KIND_LABEL[email.kind]}</Badge>
              <Link href={`/admin/outbox/${email.id}`} className="font-medium text-primary hover:underline">
                {email.subject}
              </Link>
            </span>
            <span className="text-muted-foreground">
              To {email.to}
              {email.tenantId ? (
                <>
                  {" · "}
                  <Link href={`/admin/tenants/${email.tenantId}`} className="text-primary hover:underline">
                    {email.tenantName ?? "a deleted tenant"}
                  </Link>
                </>
              ) : (
                " · admin email"
              )}
              {" · "}
              {formatDateTime(email.at)}
              {email.kind === "failed" && email.attempts > 1 ? ` · ${email.attempts} attempts` : ""}
            </span>
            <span className="break-words text-destructive">{email.reason}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
