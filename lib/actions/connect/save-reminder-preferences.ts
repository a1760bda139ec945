"use server";

import { tenantAction } from "@/lib/auth/action-guards";
import { reminderPreferencesInput, setReminderPreferences } from "@/lib/lifecycle/reminder-preferences";

/** Which optional reminder emails the partner's business gets (an unchecked box is absent: off). */
export const saveReminderPreferencesAction = tenantAction(reminderPreferencesInput, (input, { tenantId, actor }) => setReminderPreferences(tenantId, input, actor), {
  revalidate: "/connect/preferences",
});
