import "server-only";
// Inactivity, a portal-side policy (AMAZON.md): an authorization unused for INACTIVITY_THRESHOLD_DAYS is
// marked inactive; the partner is reminded every INACTIVITY_REMINDER_INTERVAL_DAYS; after
// INACTIVITY_REMINDERS_BEFORE_PROPOSAL reminders (and one more interval) revocation is proposed to the admins
// (the daily digest lists it). Any token request clears the mark (lib/tokens/usage.ts), and so does the scan
// when it sees a use after the mark. Each spell of inactivity is its own cycle of reminders.
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { applyTransition } from "@/lib/authorizations/state-machine";
import { findSuppression } from "@/lib/email/suppressions";
import { readServerEnv } from "@/lib/env";
import type { LifecycleSubject } from "./authorization-subject";
import { claimNotice, countNotices, noticeEmailKey, type NoticeKey } from "./lifecycle-notices";
import { sendInactivityReminder } from "./partner-emails";
import type { ReminderPreferences } from "./reminder-preferences";
import { DAY, wholeDaysBetween } from "./threshold-stage";

export type InactivityOutcome = "active" | "cleared" | "marked_and_reminded" | "reminded" | "waiting" | "proposed_revocation" | "skipped" | "address_suppressed";

export async function checkInactivity(subject: LifecycleSubject, preferences: ReminderPreferences, now: Date): Promise<InactivityOutcome> {
  if (subject.status !== "ACTIVE") return "skipped";
  const env = readServerEnv();
  const lastActivity = subject.lastUsedAt ?? subject.authorizedAt;
  if (!lastActivity) return "skipped";

  let inactiveSince = subject.inactiveSince;
  if (inactiveSince && subject.lastUsedAt && subject.lastUsedAt > inactiveSince) {
    const cleared = await applyTransition({ transition: "clearInactive", authorizationId: subject.id, tenantId: subject.tenantId, actor: { actorType: "SYSTEM" }, set: { inactiveSince: null }, guard: { inactiveSince } });
    return cleared.changed ? "cleared" : "waiting";
  }
  let marked = false;
  if (!inactiveSince) {
    if (now.getTime() - lastActivity.getTime() < env.INACTIVITY_THRESHOLD_DAYS * DAY) return "active";
    const marking = await applyTransition({
      transition: "markInactive",
      authorizationId: subject.id,
      tenantId: subject.tenantId,
      actor: { actorType: "SYSTEM" },
      set: { inactiveSince: now },
      guard: { inactiveSince: null },
      details: () => ({ lastUsedAt: subject.lastUsedAt?.toISOString() ?? null }),
    });
    if (!marking.changed) return "waiting"; // another run marked it just now, or it left ACTIVE
    inactiveSince = now;
    marked = true;
  }

  const cycle = inactiveSince.toISOString();
  const interval = env.INACTIVITY_REMINDER_INTERVAL_DAYS * DAY;
  const sent = await countNotices({ kind: "inactivity", subjectId: subject.id, cycle });
  const max = env.INACTIVITY_REMINDERS_BEFORE_PROPOSAL;
  if (sent < max) {
    if (now.getTime() < inactiveSince.getTime() + sent * interval) return "waiting";
    const key: NoticeKey = { kind: "inactivity", subjectId: subject.id, cycle, stage: String(sent + 1) };
    // A bouncing address gets no reminder (and none is counted): the tenant's rows say why.
    if (preferences.inactivityReminders && (await findSuppression(subject.tenant.contactEmail))) return "address_suppressed";
    if (!(await claimNotice({ ...key, tenantId: subject.tenantId, emailed: preferences.inactivityReminders }, now))) return "waiting";
    if (preferences.inactivityReminders) await sendInactivityReminder(subject, { unusedDays: wholeDaysBetween(lastActivity, now), dedupeKey: noticeEmailKey(key) });
    return marked ? "marked_and_reminded" : "reminded";
  }
  if (now.getTime() < inactiveSince.getTime() + max * interval) return "waiting";
  const proposal: NoticeKey = { kind: "revocation_proposed", subjectId: subject.id, cycle, stage: "proposal" };
  if (!(await claimNotice({ ...proposal, tenantId: subject.tenantId, emailed: false }))) return "waiting";
  await recordAuditEvent({
    action: "authorization.revocation_proposed",
    actorType: "SYSTEM",
    tenantId: subject.tenantId,
    authorizationId: subject.id,
    details: { inactiveSince: cycle, remindersSent: sent },
  });
  return "proposed_revocation";
}
