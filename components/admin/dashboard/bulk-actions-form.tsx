"use client";

import { useActionState, useRef, useState, type ReactNode } from "react";
import { bulkAuthorizationsAction } from "@/lib/actions/admin/run-bulk-action";
import { FormError } from "@/components/connect/form-error";
import { Button } from "@/components/ui/button";

const OPERATION_NAMES = { test: "Connection test", refresh: "Token refresh", pause: "Pause", reauthorize: "Ask to reauthorize" } as const;

/** A bulk action's one-line summary, and the rows that did not go as asked, each with why. */
function BulkOutcome({ title, exceptions }: { title: string; exceptions: { authorizationId: string; tenantName: string; message: string }[] }) {
  return (
    <div role="status" data-testid="bulk-result" className="rounded-md border bg-card p-3 text-sm">
      <p className="font-medium">{title}</p>
      {exceptions.length > 0 && (
        <ul className="mt-1 list-disc pl-5 text-muted-foreground">
          {exceptions.map((i) => (
            <li key={i.authorizationId}>
              {i.tenantName}: {i.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Wraps the table: its row checkboxes (name="authorizationIds") are submitted with the chosen bulk action. */
export function BulkActionsForm({ children, selectable }: { children: ReactNode; selectable: number }) {
  const [result, action, pending] = useActionState(bulkAuthorizationsAction, null);
  // Pausing asks first: how many are selected when the admin clicked Pause (null: not asking).
  const [confirmPause, setConfirmPause] = useState<number | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const boxes = () => [...(form.current?.querySelectorAll<HTMLInputElement>('input[name="authorizationIds"]') ?? [])];
  const setAll = (checked: boolean) => {
    for (const box of boxes()) box.checked = checked;
  };
  // The question closes once the form (with confirmed=1) has been submitted, not during the click: removing
  // the clicked button before the browser submits would drop the submission.
  // The operation is set here, not read from the clicked button (a function formAction does not carry it).
  const pauseConfirmed = (data: FormData) => {
    setConfirmPause(null);
    data.set("operation", "pause");
    data.set("confirmed", "1");
    action(data);
  };
  const askToReauthorize = (data: FormData) => {
    data.set("operation", "reauthorize");
    data.delete("confirmed");
    action(data);
  };
  return (
    <form ref={form} action={action} className="space-y-3">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="text-muted-foreground">With the selected authorizations:</span>
        <Button type="submit" name="operation" value="test" size="sm" variant="outline" disabled={pending || selectable === 0}>
          Test connection
        </Button>
        <Button type="submit" name="operation" value="refresh" size="sm" variant="outline" disabled={pending || selectable === 0}>
          Refresh token
        </Button>
        <Button type="button" size="sm" variant="outline" disabled={pending || selectable === 0} onClick={() => setConfirmPause(boxes().filter((b) => b.checked).length)}>
          Pause
        </Button>
        <Button type="submit" formAction={askToReauthorize} size="sm" variant="outline" disabled={pending || selectable === 0}>
          Ask to reauthorize
        </Button>
        <Button type="button" size="sm" variant="ghost" onClick={() => setAll(true)} disabled={selectable === 0}>
          Select all on this page
        </Button>
        <Button type="button" size="sm" variant="ghost" onClick={() => setAll(false)} disabled={selectable === 0}>
          Clear selection
        </Button>
        {pending && <span className="text-muted-foreground">Working…</span>}
      </div>
      {confirmPause !== null && (
        <div role="alertdialog" aria-label="Confirm pausing" data-testid="confirm-pause" className="flex flex-wrap items-center gap-2 rounded-md border border-destructive/40 bg-card p-3 text-sm">
          <span>
            {confirmPause === 0
              ? "Select the authorizations to pause first."
              : `Pause ${confirmPause} selected authorization${confirmPause === 1 ? "" : "s"}? Their apps get no access tokens until an administrator lifts the pause.`}
          </span>
          {confirmPause > 0 && (
            <Button type="submit" formAction={pauseConfirmed} size="sm" variant="destructive" disabled={pending}>
              Yes, pause {confirmPause}
            </Button>
          )}
          <Button type="button" size="sm" variant="ghost" onClick={() => setConfirmPause(null)}>
            Cancel
          </Button>
        </div>
      )}
      {result?.ok && <BulkOutcome title={`${OPERATION_NAMES[result.data.operation]}: ${result.data.summary}.`} exceptions={result.data.items.filter((i) => i.outcome !== "done")} />}
      <FormError result={result} />
      {children}
    </form>
  );
}
