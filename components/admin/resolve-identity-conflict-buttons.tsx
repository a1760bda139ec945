"use client";

import { CheckCircle2 } from "lucide-react";
import { useActionState } from "react";
import { resolveIdentityConflictAction, type ResolveIdentityConflictResult } from "@/lib/actions/admin/resolve-identity-conflict";
import { FormError } from "@/components/connect/form-error";
import { Button } from "@/components/ui/button";

/** Keep one side of an identity conflict; the other is revoked. The labels name whose connection each keeps. */
export function ResolveIdentityConflictButtons({ conflictId, keepClaimLabel, keepHolderLabel }: { conflictId: string; keepClaimLabel: string; keepHolderLabel: string }) {
  const [result, run, pending] = useActionState<ResolveIdentityConflictResult, FormData>(resolveIdentityConflictAction, null);
  if (result?.ok) {
    return (
      <p className="flex items-center gap-1.5 text-sm text-success" role="status">
        <CheckCircle2 className="size-4" aria-hidden /> {result.data.changed ? "Resolved: the other connection was revoked." : "Nothing to change: it was already resolved."}
      </p>
    );
  }
  return (
    <form action={run} className="space-y-2">
      <input type="hidden" name="conflictId" value={conflictId} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" name="keep" value="claim" size="sm" variant="outline" disabled={pending}>
          {keepClaimLabel}
        </Button>
        <Button type="submit" name="keep" value="holder" size="sm" variant="outline" disabled={pending}>
          {keepHolderLabel}
        </Button>
      </div>
      <FormError result={result} />
    </form>
  );
}
