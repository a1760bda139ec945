"use client";

import { CheckCircle2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { saveReminderPreferencesAction } from "@/lib/actions/connect/save-reminder-preferences";
import { Button } from "@/components/ui/button";
import type { ReminderPreferences } from "@/lib/lifecycle/reminder-preferences";
import { PartnerFormError } from "./partner-form-error";

const OPTIONS = [
  { name: "renewalReminders", label: "renewalLabel", help: "renewalHelp" },
  { name: "inactivityReminders", label: "inactivityLabel", help: "inactivityHelp" },
] as const satisfies readonly { name: keyof ReminderPreferences; label: string; help: string }[];

export function ReminderPreferencesForm({ preferences }: { preferences: ReminderPreferences }) {
  const [result, action, pending] = useActionState(saveReminderPreferencesAction, null);
  const current = result?.ok ? result.data : preferences;
  const t = useTranslations();
  return (
    <form action={action} className="space-y-4">
      {OPTIONS.map((option) => (
        <label key={option.name} className="flex items-start gap-3 rounded-lg border p-4">
          <input type="checkbox" name={option.name} defaultChecked={current[option.name]} className="mt-1 size-4 accent-primary" />
          <span>
            <span className="block font-medium">{t(`preferences.${option.label}`)}</span>
            <span className="block text-sm text-muted-foreground">{t(`preferences.${option.help}`)}</span>
          </span>
        </label>
      ))}
      <PartnerFormError result={result} />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? t("common.saving") : t("preferences.save")}
        </Button>
        {result?.ok && (
          <span className="flex items-center gap-1.5 text-sm text-success" role="status">
            <CheckCircle2 className="size-4" aria-hidden /> {t("preferences.saved")}
          </span>
        )}
      </div>
    </form>
  );
}
