"use client";

import { useActionState } from "react";
import {
  killAuthorizationAction,
  liftQuarantineAction,
  quarantineAuthorizationAction,
  requestReauthorizationAction,
  type LifecycleActionResult,
} from "@/app/admin/lifecycle-actions";
import { FormError } from "@/components/connect/form-error";
import { Button } from "@/components/ui/button";

type Status = "PENDING" | "ACTIVE" | "REAUTH_REQUIRED" | "QUARANTINED" | "REVOKED";
type Action = (previous: LifecycleActionResult, form: FormData) => Promise<LifecycleActionResult>;

function ActionButton({ authorizationId, action, label, pendingLabel, done, variant = "outline" }: { authorizationId: string; action: Action; label: string; pendingLabel: string; done: string; variant?: "outline" | "destructive" }) {
  const [result, run, pending] = useActionState(action, null);
  return (
    <form action={run} className="space-y-2">
      <input type="hidden" name="authorizationId" value={authorizationId} />
      <Button type="submit" size="sm" variant={variant} disabled={pending}>
        {pending ? pendingLabel : label}
      </Button>
      {result?.ok && (
        <p className="text-sm text-success" role="status">
          {done}
        </p>
      )}
      <FormError result={result} />
    </form>
  );
}

/** An admin's lifecycle controls for one authorization: pause, lift the pause, ask to reauthorize, revoke. */
export function LifecycleActions({ authorizationId, status }: { authorizationId: string; status: Status }) {
  if (status === "PENDING" || status === "REVOKED") return null;
  return (
    <div className="flex flex-wrap items-start gap-3" data-testid="lifecycle-actions">
      {status === "QUARANTINED" ? (
        <ActionButton authorizationId={authorizationId} action={liftQuarantineAction} label="Lift pause" pendingLabel="Lifting…" done="Token issuance resumed." />
      ) : (
        <ActionButton authorizationId={authorizationId} action={quarantineAuthorizationAction} label="Pause token issuance" pendingLabel="Pausing…" done="Paused. The partner was emailed." />
      )}
      <ActionButton authorizationId={authorizationId} action={requestReauthorizationAction} label="Ask partner to authorize again" pendingLabel="Sending…" done="Email sent to the partner." />
      <details className="rounded-md border border-destructive/30 px-3 py-1.5">
        <summary className="cursor-pointer text-sm font-medium text-destructive">Revoke (kill switch)…</summary>
        <div className="mt-2 max-w-sm space-y-2 pb-1">
          <p className="text-sm text-muted-foreground">Deletes the refresh token and every cached access token. Every instance stops serving tokens within a second. The partner must connect again.</p>
          <ActionButton authorizationId={authorizationId} action={killAuthorizationAction} label="Revoke now" pendingLabel="Revoking…" done="Revoked." variant="destructive" />
        </div>
      </details>
    </div>
  );
}
