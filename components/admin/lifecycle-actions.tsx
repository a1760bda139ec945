"use client";

import { CheckCircle2 } from "lucide-react";
import { useActionState, useState } from "react";
import { killAuthorizationAction } from "@/lib/actions/admin/kill-authorization";
import { liftQuarantineAction } from "@/lib/actions/admin/lift-quarantine";
import { quarantineAuthorizationAction } from "@/lib/actions/admin/quarantine-authorization";
import { requestReauthorizationAction } from "@/lib/actions/admin/request-reauthorization";
import type { LifecycleActionState } from "@/lib/actions/admin/lifecycle-action";
import { FormError } from "@/components/connect/form-error";
import { Button } from "@/components/ui/button";

type Status =
  "PENDING" | "ACTIVE" | "REAUTH_REQUIRED" | "QUARANTINED" | "REVOKED";
type Action = (
  previous: LifecycleActionState,
  form: FormData,
) => Promise<LifecycleActionState>;

interface ButtonProps {
  authorizationId: string;
  action: Action;
  label: string;
  pendingLabel: string;
  done: string;
  onDone: (message: string) => void;
  variant?: "outline" | "destructive";
}

function ActionButton({
  authorizationId,
  action,
  label,
  pendingLabel,
  done,
  onDone,
  variant = "outline",
}: ButtonProps) {
  const [result, run, pending] = useActionState<
    LifecycleActionState,
    FormData
  >(async (previous, form) => {
    const outcome = await action(previous, form);
    if (outcome?.ok)
      onDone(
        outcome.data.changed ? done : "Nothing to change: it was already done.",
      );
    return outcome;
  }, null);
  return (
    <form action={run} className="space-y-2">
      <input type="hidden" name="authorizationId" value={authorizationId} />
      <Button type="submit" size="sm" variant={variant} disabled={pending}>
        {pending ? pendingLabel : label}
      </Button>
      <FormError result={result} />
    </form>
  );
}

/** An admin's lifecycle controls for one authorization: pause, lift the pause, ask to reauthorize, revoke. */
export function LifecycleActions({
  authorizationId,
  status,
}: {
  authorizationId: string;
  status: Status;
}) {
  // The outcome is shown here, not in the button: the buttons change with the status the action changed.
  const [notice, setNotice] = useState<string | null>(null);
  const common = { authorizationId, onDone: setNotice };
  const message = notice && (
    <p className="flex items-center gap-1.5 text-sm text-success" role="status">
      <CheckCircle2 className="size-4" aria-hidden /> {notice}
    </p>
  );
  if (status === "PENDING" || status === "REVOKED") {
    return (
      <div className="space-y-2">
        {message}
        <p className="text-sm text-muted-foreground" data-testid="lifecycle-nothing-to-do">
          {status === "REVOKED"
            ? "Nothing can be paused, renewed or revoked here: this authorization is disconnected and holds no token. To use the account again, ask the partner to connect it again from their connection page (its history is kept)."
            : "Nothing to do yet: the partner has not finished connecting this region. The controls appear once it is connected."}
        </p>
      </div>
    );
  }
  return (
    <div className="space-y-2">
      {message}
      <div
        className="flex flex-wrap items-start gap-3"
        data-testid="lifecycle-actions"
      >
        {status === "QUARANTINED" ? (
          <ActionButton
            key="lift"
            {...common}
            action={liftQuarantineAction}
            label="Lift pause"
            pendingLabel="Lifting…"
            done="Token issuance resumed."
          />
        ) : (
          <ActionButton
            key="pause"
            {...common}
            action={quarantineAuthorizationAction}
            label="Pause token issuance"
            pendingLabel="Pausing…"
            done="Paused. The partner was emailed."
          />
        )}
        <ActionButton
          {...common}
          action={requestReauthorizationAction}
          label="Ask partner to authorize again"
          pendingLabel="Sending…"
          done="Email sent to the partner."
        />
        <details className="rounded-md border border-destructive/30 px-3 py-1.5">
          <summary className="cursor-pointer text-sm font-medium text-destructive">
            Revoke (kill switch)…
          </summary>
          <div className="mt-2 max-w-sm space-y-2 pb-1">
            <p className="text-sm text-muted-foreground">
              Deletes the refresh token and every cached access token. Every
              instance stops serving tokens within a second. The partner must
              connect again.
            </p>
            <ActionButton
              {...common}
              action={killAuthorizationAction}
              label="Revoke now"
              pendingLabel="Revoking…"
              done="Revoked."
              variant="destructive"
            />
          </div>
        </details>
      </div>
    </div>
  );
}
