// One recorded email: its envelope, the rendered html in a sandboxed frame sized to the email (no scripts,
// links open in a new tab), and the plain-text part.
import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { EmailOutbox } from "@/lib/generated/prisma/client";
import { EmailFrame } from "./email-frame";
import { formatWhen } from "./outbox-list";

/** Links open outside the frame: a sandboxed frame may not navigate this page. */
function framed(html: string): string {
  const base = '<base target="_blank">';
  return /<head[^>]*>/i.test(html) ? html.replace(/<head([^>]*)>/i, `<head$1>${base}`) : `${base}${html}`;
}

export function EmailView({ email, backHref, backLabel }: { email: EmailOutbox; backHref: string; backLabel: string }) {
  return (
    <div className="flex flex-col gap-4">
      <Button asChild variant="ghost" size="sm" className="self-start">
        <Link href={backHref}>
          <ArrowLeft aria-hidden />
          {backLabel}
        </Link>
      </Button>
      <Card>
        <CardHeader>
          <CardTitle className="text-lg leading-snug">{email.subject}</CardTitle>
          <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
            <dt className="text-muted-foreground">To</dt>
            <dd className="break-all">{email.to}</dd>
            <dt className="text-muted-foreground">When</dt>
            <dd>
              <time dateTime={email.createdAt.toISOString()}>{formatWhen(email.createdAt)}</time>
            </dd>
            <dt className="text-muted-foreground">Status</dt>
            <dd className="flex flex-wrap items-center gap-2">
              <Badge variant={email.status === "SENT" ? "success" : email.status === "FAILED" ? "destructive" : "secondary"}>{email.status.toLowerCase()}</Badge>
              <span className="text-muted-foreground">
                via {email.provider === "outbox" ? "the development outbox" : email.provider} · template {email.template}
              </span>
            </dd>
            {email.provider === "resend" && email.attempts > 0 && (
              <>
                <dt className="text-muted-foreground">Attempts</dt>
                <dd>
                  {email.attempts}
                  {email.status === "QUEUED" && email.nextAttemptAt ? (
                    <span className="text-muted-foreground">
                      {" "}
                      · next try <time dateTime={email.nextAttemptAt.toISOString()}>{formatWhen(email.nextAttemptAt)}</time>
                    </span>
                  ) : null}
                </dd>
              </>
            )}
            {(email.deliveredAt || email.bouncedAt || email.complainedAt) && (
              <>
                <dt className="text-muted-foreground">Delivery</dt>
                <dd className={email.bouncedAt || email.complainedAt ? "break-words text-destructive" : undefined}>
                  {email.bouncedAt
                    ? `Bounced ${formatWhen(email.bouncedAt)}${email.deliveryDetail ? `: ${email.deliveryDetail}` : ""}`
                    : email.complainedAt
                      ? `Marked as spam ${formatWhen(email.complainedAt)}`
                      : `Delivered ${formatWhen(email.deliveredAt!)}`}
                </dd>
              </>
            )}
            {email.error && (
              <>
                <dt className="text-muted-foreground">Error</dt>
                <dd className="break-words text-destructive">{email.error}</dd>
              </>
            )}
          </dl>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          <EmailFrame title={`Email: ${email.subject}`} html={framed(email.html)} />
          <details className="text-sm">
            <summary className="cursor-pointer font-medium">Plain-text version</summary>
            <pre className="mt-2 overflow-x-auto whitespace-pre-wrap break-words rounded-lg bg-muted p-3 font-mono text-xs">{email.text}</pre>
          </details>
        </CardContent>
      </Card>
    </div>
  );
}
