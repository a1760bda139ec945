"use client";

import { CheckCircle2 } from "lucide-react";
import { useActionState } from "react";
import { saveReminderPreferencesAction } from "@/lib/actions/connect/save-reminder-preferences";
import { Button } from "@/components/ui/button";
import type { ReminderPreferences } from "@/lib/lifecycle/reminder-preferences";
import { FormError } from "./form-error";

const OPTIONS: { name: keyof ReminderPreferences; label: string; help: string }[] = [
  { name: "renewalReminders", label: "Renewal reminders", help: "60, 30 and 7 days before your yearly renewal is due, and on the day." },
  { name: "inactivityReminders", label: "Unused-connection reminders", help: "When a connection has not been used for a while." },
];

export function ReminderPreferencesForm({ preferences }: { preferences: ReminderPreferences }) {
  const [result, action, pending] = useActionState(saveReminderPreferencesAction, null);
  const current = result?.ok ? result.data : preferences;
  return (
    <form action={action} className="space-y-4">
      {OPTIONS.map((option) => (
        <label key={option.name} className="flex items-start gap-3 rounded-lg border p-4">
          <input type="checkbox" name={option.name} defaultChecked={current[option.name]} className="mt-1 size-4 accent-primary" />
          <span>
            <span className="block font-medium">{option.label}</span>
            <span className="block text-sm text-muted-foreground">{option.help}</span>
          </span>
        </label>
      ))}
      <FormError result={result} />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save preferences"}
        </Button>
        {result?.ok && (
          <span className="flex items-center gap-1.5 text-sm text-success" role="status">
            <CheckCircle2 className="size-4" aria-hidden /> Saved
          </span>
        )}
      </div>
    </form>
  );
}
