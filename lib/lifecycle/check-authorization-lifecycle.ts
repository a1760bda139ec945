import "server-only";
import type { InactivityOutcome } from "./check-inactivity";
import { checkInactivity } from "./check-inactivity";
import { loadLifecycleSubject } from "./authorization-subject";
import { getReminderPreferences } from "./reminder-preferences";
import { checkRenewal, type RenewalOutcome } from "./check-renewal";

export interface LifecycleCheck {
  authorizationId: string;
  renewal: RenewalOutcome;
  inactivity: InactivityOutcome;
}

/** One authorization's renewal and inactivity, as of `now`. Idempotent: a second run at the same `now` does nothing. */
export async function checkAuthorizationLifecycle(authorizationId: string, now: Date): Promise<LifecycleCheck> {
  const subject = await loadLifecycleSubject(authorizationId);
  if (!subject) return { authorizationId, renewal: "skipped", inactivity: "skipped" };
  const preferences = await getReminderPreferences(subject.tenantId);
  const renewal = await checkRenewal(subject, preferences, now);
  // A renewal flagged overdue has left ACTIVE: inactivity no longer applies to it.
  const inactivity = renewal === "flagged_overdue" ? "skipped" : await checkInactivity(subject, preferences, now);
  return { authorizationId, renewal, inactivity };
}
