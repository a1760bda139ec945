"use client";

import { useActionState } from "react";
import { rewrapDataKeysAction } from "@/lib/actions/app-client/rewrap-data-keys";
import { FormError } from "@/components/connect/form-error";
import { Button } from "@/components/ui/button";

/** Re-wraps every data key under the active master key (safe to run again; resumes where it stopped). */
export function RewrapButton({ needsRewrap }: { needsRewrap: number }) {
  const [result, action, pending] = useActionState(rewrapDataKeysAction, null);
  return (
    <form action={action} className="space-y-2">
      <Button type="submit" variant="outline" disabled={pending}>
        {pending ? "Re-wrapping…" : needsRewrap > 0 ? `Re-wrap ${needsRewrap} data key${needsRewrap === 1 ? "" : "s"}` : "Re-wrap data keys"}
      </Button>
      {result?.ok && (
        <p data-testid="rewrap-result" className={result.data.failed > 0 ? "text-sm text-destructive" : "text-sm text-success"}>
          Under {result.data.activeKeyId}: {result.data.rewrapped} re-wrapped, {result.data.alreadyCurrent} already current, {result.data.failed} failed (of {result.data.total}).
        </p>
      )}
      <FormError result={result} />
    </form>
  );
}
