import "server-only";
import { retryDueEmails } from "@/lib/email/retry-due-emails";
import { onCron } from "../workflow";

/** Every minute: emails whose send failed for a passing reason (timeout, 5xx, 429) are sent again when due. */
export const emailRetries = onCron({ id: "email-retries", name: "Retry emails Resend did not accept", cron: "* * * * *" }, async (now, step) =>
  step.run("retry-due-emails", () => retryDueEmails({ now })),
);
