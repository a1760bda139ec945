import "server-only";
// The 365-day renewal: reminders at 60, 30 and 7 days and on the day (one per threshold, ever), and once
// the date has passed the authorization is flagged REAUTH_REQUIRED (the token API then answers
// reauthorization_required) and the partner gets the "reauthorization needed" security email.
import { applyTransition } from "@/lib/authorizations/state-machine";
import { findSuppression } from "@/lib/email/suppressions";
import { emitAuthorizationWebhook } from "@/lib/webhooks/lifecycle-events";
import type { LifecycleSubject } from "./authorization-subject";
import { claimNotice, noticeEmailKey, type NoticeKey } from "./lifecycle-notices";
import { sendReauthorizationNeeded, sendRenewalReminder } from "./partner-emails";
import type { ReminderPreferences } from "./reminder-preferences";
import { thresholdStage } from "./threshold-stage";

export const RENEWAL_REMINDER_DAYS = [60, 30, 7, 0] as const;

export type RenewalOutcome = "not_due" | "reminded" | "already_reminded" | "flagged_overdue" | "skipped" | "address_suppressed";

export async function checkRenewal(subject: LifecycleSubject, preferences: ReminderPreferences, now: Date): Promise<RenewalOutcome> {
  if (subject.status !== "ACTIVE" || !subject.renewalDueAt) return "skipped";
  const dueAt = subject.renewalDueAt;
  const stage = thresholdStage(dueAt, now, RENEWAL_REMINDER_DAYS);
  if (!stage) return "not_due";
  const cycle = dueAt.toISOString();

  if (stage.kind === "passed") {
    const { changed: flipped } = await applyTransition({
      transition: "flagRenewalOverdue",
      authorizationId: subject.id,
      tenantId: subject.tenantId,
      actor: { actorType: "SYSTEM" },
      set: { statusReason: "The yearly renewal date has passed. Authorize again to restore access." },
      guard: { renewalDueAt: dueAt },
      details: () => ({ renewalDueAt: cycle }),
    });
    const key: NoticeKey = { kind: "renewal_overdue", subjectId: subject.id, cycle, stage: "overdue" };
    if (await claimNotice({ ...key, tenantId: subject.tenantId, emailed: true }, now)) {
      await sendReauthorizationNeeded(subject, { reason: "renewal_overdue", dedupeKey: noticeEmailKey(key), now });
    }
    return flipped ? "flagged_overdue" : "already_reminded";
  }

  const key: NoticeKey = { kind: "renewal", subjectId: subject.id, cycle, stage: String(stage.threshold) };
  // A bouncing address gets no reminder; the notice stays unclaimed, so the one due is sent once the address
  // changes or works again. The tenant's rows say why (describeSuppression).
  if (preferences.renewalReminders && (await findSuppression(subject.tenant.contactEmail))) return "address_suppressed";
  const claimed = await claimNotice({ ...key, tenantId: subject.tenantId, emailed: preferences.renewalReminders }, now);
  if (!claimed) return "already_reminded";
  if (preferences.renewalReminders) await sendRenewalReminder(subject, { daysLeft: stage.daysLeft, dedupeKey: noticeEmailKey(key), now });
  await emitAuthorizationWebhook(subject.id, "authorization.renewal_due", { renewalDueAt: cycle, daysLeft: stage.daysLeft, threshold: stage.threshold }, now);
  return "reminded";
}
