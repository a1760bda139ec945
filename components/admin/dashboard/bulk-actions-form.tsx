"use client";

import { useActionState, useRef, type ReactNode } from "react";
import { bulkAuthorizationsAction } from "@/app/admin/authorizations/actions";
import { FormError } from "@/components/connect/form-error";
import { Button } from "@/components/ui/button";

const OPERATION_NAMES = { test: "Connection test", refresh: "Token refresh" } as const;

/** Wraps the table: its row checkboxes (name="authorizationIds") are submitted with the chosen bulk action. */
export function BulkActionsForm({ children, selectable }: { children: ReactNode; selectable: number }) {
  const [result, action, pending] = useActionState(bulkAuthorizationsAction, null);
  const form = useRef<HTMLFormElement>(null);
  const setAll = (checked: boolean) => {
    for (const box of form.current?.querySelectorAll<HTMLInputElement>('input[name="authorizationIds"]') ?? []) box.checked = checked;
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
        <Button type="button" size="sm" variant="ghost" onClick={() => setAll(true)} disabled={selectable === 0}>
          Select all on this page
        </Button>
        <Button type="button" size="sm" variant="ghost" onClick={() => setAll(false)} disabled={selectable === 0}>
          Clear selection
        </Button>
        {pending && <span className="text-muted-foreground">Working…</span>}
      </div>
      {result?.ok && (
        <div role="status" data-testid="bulk-result" className="rounded-md border bg-card p-3 text-sm">
          <p className="font-medium">
            {OPERATION_NAMES[result.data.operation]}: {result.data.passed} passed, {result.data.failed} failed, {result.data.skipped} skipped.
          </p>
          {result.data.items.some((i) => i.outcome !== "passed") && (
            <ul className="mt-1 list-disc pl-5 text-muted-foreground">
              {result.data.items
                .filter((i) => i.outcome !== "passed")
                .map((i) => (
                  <li key={i.authorizationId}>
                    {i.tenantName}: {i.message}
                  </li>
                ))}
            </ul>
          )}
        </div>
      )}
      <FormError result={result} />
      {children}
    </form>
  );
}
