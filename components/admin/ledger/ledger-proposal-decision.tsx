"use client";

import { CheckCircle2 } from "lucide-react";
import { useActionState } from "react";
import { FormError } from "@/components/connect/form-error";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { decideLedgerProposalAction } from "@/lib/actions/admin/decide-ledger-proposal";
import type { ActionState } from "@/lib/auth/action-guards";
import type { LedgerDecision } from "@/lib/ledger/decide-ledger-proposal";
import { TEXTAREA_CLASS } from "./ledger-entry-fields";

/**
 * Approve or reject a pending change. Its proposer sees why they cannot approve it (the server refuses it
 * anyway) and may withdraw it.
 */
export function LedgerProposalDecision({ proposalId, ownProposal }: { proposalId: string; ownProposal: boolean }) {
  const [result, decide, pending] = useActionState<ActionState<LedgerDecision>, FormData>(decideLedgerProposalAction, null);
  if (result?.ok) {
    return (
      <p className="flex items-center gap-1.5 text-sm text-success" role="status">
        <CheckCircle2 className="size-4" aria-hidden /> {result.data.status === "APPROVED" ? "Approved: the ledger has the change." : "Rejected: nothing changed."}
      </p>
    );
  }
  return (
    <form action={decide} className="space-y-2" aria-label="Decide on this change">
      <input type="hidden" name="proposalId" value={proposalId} />
      <div className="space-y-1">
        <Label htmlFor={`decision-${proposalId}-note`}>Note (optional)</Label>
        <textarea id={`decision-${proposalId}-note`} name="note" maxLength={500} className={TEXTAREA_CLASS} />
      </div>
      {ownProposal && <p className="text-xs text-muted-foreground">You proposed this change: a second admin must approve it.</p>}
      <div className="flex flex-wrap gap-2">
        {!ownProposal && (
          <Button type="submit" name="decision" value="approve" size="sm" disabled={pending}>
            Approve
          </Button>
        )}
        <Button type="submit" name="decision" value="reject" size="sm" variant="outline" disabled={pending}>
          {ownProposal ? "Withdraw" : "Reject"}
        </Button>
      </div>
      <FormError result={result} />
    </form>
  );
}
