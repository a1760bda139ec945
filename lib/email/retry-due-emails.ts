import "server-only";
// The due-retry scan (the email-retries workflow, every minute): emails Resend did not accept for a passing
// reason are sent again from their stored copy once their `nextAttemptAt` has come, and an attempt left in
// flight by a stopped process is sent again once its lease has passed (same idempotency key, so Resend sends
// it at most once). Driven by the database alone, so it survives restarts and any instance may run it.
import { db } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";
import { emailMode } from "./mode";
import { retryEmail } from "./send-email";

export interface EmailRetryRun {
  retried: number;
  sent: number;
  failed: number;
  /** Attempts left in flight whose stored copy cannot be sent again (a sign-in link was removed from it). */
  abandoned: number;
}

const ABANDONED = "The server stopped while this email was being sent, and its stored copy has no sign-in link, so it was not sent again. Ask for a new link.";

export async function retryDueEmails({ now, limit = 50 }: { now: Date; limit?: number }): Promise<EmailRetryRun> {
  const run: EmailRetryRun = { retried: 0, sent: 0, failed: 0, abandoned: 0 };
  if (emailMode() !== "resend") return run;
  const abandoned = await db.emailOutbox.updateMany({
    where: { status: "QUEUED", retryable: false, nextAttemptAt: { lte: now } },
    data: { status: "FAILED", nextAttemptAt: null, error: ABANDONED },
  });
  run.abandoned = abandoned.count;
  const due = await db.emailOutbox.findMany({
    where: { status: "QUEUED", retryable: true, nextAttemptAt: { lte: now } },
    orderBy: [{ nextAttemptAt: "asc" }, { id: "asc" }],
    take: limit,
  });
  for (const row of due) {
    const result = await retryEmail(row, now);
    if (!result) continue; // another instance took it
    run.retried += 1;
    if (result.status === "SENT") run.sent += 1;
    else if (result.status === "FAILED") run.failed += 1;
  }
  if (run.retried || run.abandoned) logger.info({ ...run }, "email retries");
  return run;
}
