import "server-only";
// Which optional emails a partner gets. Security emails (revoked, reauthorization needed) are not optional.
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";

export interface ReminderPreferences {
  renewalReminders: boolean;
  inactivityReminders: boolean;
}

const DEFAULTS: ReminderPreferences = { renewalReminders: true, inactivityReminders: true };

export async function getReminderPreferences(tenantId: string): Promise<ReminderPreferences> {
  const row = await db.reminderPreference.findUnique({ where: { tenantId }, select: { renewalReminders: true, inactivityReminders: true } });
  return row ?? DEFAULTS;
}

const checkbox = z.preprocess((value) => value === "on" || value === "true" || value === true, z.boolean());

export const reminderPreferencesInput = z.object({ renewalReminders: checkbox, inactivityReminders: checkbox });

export async function setReminderPreferences(tenantId: string, raw: z.input<typeof reminderPreferencesInput>, actor: { userId: string; requestId?: string }): Promise<ReminderPreferences> {
  const input = reminderPreferencesInput.parse(raw);
  await db.$transaction(async (tx) => {
    await tx.reminderPreference.upsert({ where: { tenantId }, create: { tenantId, ...input }, update: input });
    await recordAuditEvent({ action: "tenant.reminder_preferences_changed", actorType: "PARTNER", actorId: actor.userId, tenantId, requestId: actor.requestId, details: { ...input } }, tx);
  });
  return input;
}
