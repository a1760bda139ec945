"use client";

import { ExternalLink } from "lucide-react";
import { useActionState } from "react";
import { continueAppstoreAction } from "@/lib/actions/connect/continue-appstore";
import { Button } from "@/components/ui/button";
import { PartnerFormError } from "./partner-form-error";

export function ContinueAppstore({ params, label, pendingLabel }: { params: Record<string, string>; label: string; pendingLabel: string }) {
  const [result, action, pending] = useActionState(continueAppstoreAction, null);
  return (
    <form action={action} className="space-y-4">
      {Object.entries(params).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <PartnerFormError result={result} />
      <Button type="submit" size="lg" disabled={pending} className="w-full sm:w-auto">
        {pending ? pendingLabel : label} <ExternalLink aria-hidden />
      </Button>
    </form>
  );
}
