"use server";

import { revalidatePath } from "next/cache";
import { tenantAction, type ActionResult } from "@/lib/auth/action-guards";
import { reminderPreferencesInput, setReminderPreferences, type ReminderPreferences } from "@/lib/lifecycle/reminder-preferences";

const save = tenantAction(reminderPreferencesInput, async (input, { user, tenantId, requestId }) => {
  const saved = await setReminderPreferences(tenantId, input, { userId: user.id, requestId });
  revalidatePath("/connect/preferences");
  return saved;
});

export async function saveReminderPreferencesAction(_previous: ActionResult<ReminderPreferences> | null, form: FormData): Promise<ActionResult<ReminderPreferences>> {
  // An unchecked box is absent from the form: absent means "off".
  return save({ renewalReminders: form.get("renewalReminders") ?? false, inactivityReminders: form.get("inactivityReminders") ?? false });
}
