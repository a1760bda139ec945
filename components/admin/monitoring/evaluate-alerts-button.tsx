"use client";

import { useActionState } from "react";
import { evaluateAlertsNowAction } from "@/lib/actions/admin/evaluate-alerts";
import { FormError } from "@/components/connect/form-error";
import { Button } from "@/components/ui/button";

export function EvaluateAlertsButton() {
  const [result, action, pending] = useActionState(evaluateAlertsNowAction, null);
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <Button type="submit" size="sm" variant="outline" disabled={pending}>
        {pending ? "Checking…" : "Check now"}
      </Button>
      {result?.ok && (
        <span className="text-sm text-muted-foreground" role="status">
          {result.data.fired} fired, {result.data.resolved} resolved, {result.data.open} open.
        </span>
      )}
      <FormError result={result} />
    </form>
  );
}
