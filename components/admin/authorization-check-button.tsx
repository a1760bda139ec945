"use client";

import { useActionState } from "react";
import type { ServerAction } from "@/lib/auth/action-guards";
import { FormError } from "@/components/connect/form-error";
import { Button } from "@/components/ui/button";

/** What a check on one authorization found: passed (with what to say) or failed with Amazon's message. */
type CheckOutcome = { ok: true } | { ok: false; message: string };

/** An admin's button that runs one check on one authorization and says what it found beside it. */
export function AuthorizationCheckButton<T extends CheckOutcome>(props: {
  authorizationId: string;
  action: ServerAction<T>;
  label: string;
  pendingLabel: string;
  testId: string;
  passed: (data: T & { ok: true }) => string;
}) {
  const [result, action, pending] = useActionState(props.action, null);
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="authorizationId" value={props.authorizationId} />
      <Button type="submit" size="sm" variant="outline" disabled={pending}>
        {pending ? props.pendingLabel : props.label}
      </Button>
      {result?.ok && (
        <span data-testid={props.testId} className={result.data.ok ? "text-sm text-success" : "text-sm text-destructive"}>
          {result.data.ok ? props.passed(result.data as T & { ok: true }) : result.data.message}
        </span>
      )}
      <FormError result={result} />
    </form>
  );
}
