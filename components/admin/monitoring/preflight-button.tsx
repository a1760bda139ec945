"use client";

import { useActionState } from "react";
import { runPreflightAction } from "@/lib/actions/admin/run-preflight";
import { FormError } from "@/components/connect/form-error";
import { Button } from "@/components/ui/button";
import type { PreflightResult } from "@/lib/preflight/run-preflight";
import { PreflightChecks } from "./preflight-checks";

export function PreflightButton({ authorizationId, last }: { authorizationId: string; last: PreflightResult | null }) {
  const [result, action, pending] = useActionState(runPreflightAction, null);
  const shown = result?.ok ? result.data : last;
  return (
    <div className="space-y-4">
      <form action={action} className="flex flex-wrap items-center gap-3">
        <input type="hidden" name="authorizationId" value={authorizationId} />
        <Button type="submit" size="sm" disabled={pending}>
          {pending ? "Running preflight…" : "Run preflight"}
        </Button>
        <FormError result={result} />
      </form>
      {shown ? <PreflightChecks result={shown} /> : <p className="text-sm text-muted-foreground">No preflight has been run for this authorization yet.</p>}
    </div>
  );
}
