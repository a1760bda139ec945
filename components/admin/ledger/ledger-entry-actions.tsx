"use client";

import { useActionState } from "react";
import { FormError } from "@/components/connect/form-error";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { proposeLedgerChangeAction } from "@/lib/actions/admin/propose-ledger-change";
import type { ActionState } from "@/lib/auth/action-guards";
import { LedgerEntryFields, TEXTAREA_CLASS, type EntryDefaults } from "./ledger-entry-fields";
import { ProposalSent } from "./proposal-sent";

type Result = ActionState<{ proposalId: string }>;

/** An entry's "Propose a change…" and "Propose removal…", each a proposal a second admin must approve. */
export function LedgerEntryActions({ api, operationId, entry, pendingChange }: { api: string; operationId: string; entry: EntryDefaults; pendingChange: boolean }) {
  const [changeResult, change, changing] = useActionState<Result, FormData>(proposeLedgerChangeAction, null);
  const [removeResult, remove, removing] = useActionState<Result, FormData>(proposeLedgerChangeAction, null);
  if (pendingChange) return <p className="text-xs text-muted-foreground">A change waits for review.</p>;
  const id = `${api}-${operationId}`.replace(/[^A-Za-z0-9-]/g, "-");
  return (
    <div className="space-y-2">
      <details className="rounded-md border px-3 py-1.5">
        <summary className="cursor-pointer text-sm font-medium">Propose a change…</summary>
        <form action={change} className="mt-3 space-y-3" aria-label={`Propose a change to ${operationId}`}>
          <input type="hidden" name="kind" value="CHANGE" />
          <input type="hidden" name="api" value={api} />
          <input type="hidden" name="operationId" value={operationId} />
          <LedgerEntryFields idPrefix={`change-${id}`} defaults={entry} />
          <FormError result={changeResult} />
          {changeResult?.ok && <ProposalSent />}
          <Button type="submit" size="sm" disabled={changing}>
            Propose the change
          </Button>
        </form>
      </details>
      <details className="rounded-md border border-destructive/30 px-3 py-1.5">
        <summary className="cursor-pointer text-sm font-medium">Propose removal…</summary>
        <form action={remove} className="mt-3 space-y-3" aria-label={`Propose removing ${operationId}`}>
          <input type="hidden" name="kind" value="REMOVE" />
          <input type="hidden" name="api" value={api} />
          <input type="hidden" name="operationId" value={operationId} />
          <div className="space-y-2">
            <Label htmlFor={`remove-${id}-note`}>Why remove it</Label>
            <textarea id={`remove-${id}-note`} name="note" required minLength={3} maxLength={500} className={TEXTAREA_CLASS} />
          </div>
          <p className="text-xs text-muted-foreground">Once approved, the gateway refuses the operation and the consent page no longer lists it.</p>
          <FormError result={removeResult} />
          {removeResult?.ok && <ProposalSent />}
          <Button type="submit" size="sm" variant="destructive" disabled={removing}>
            Propose removal
          </Button>
        </form>
      </details>
    </div>
  );
}
