"use client";

import { useActionState } from "react";
import { forceRefreshAction } from "@/lib/actions/admin/force-refresh-token";
import { FormError } from "@/components/connect/form-error";
import { Button } from "@/components/ui/button";

export function ForceRefreshButton({ authorizationId }: { authorizationId: string }) {
  const [result, action, pending] = useActionState(forceRefreshAction, null);
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="authorizationId" value={authorizationId} />
      <Button type="submit" size="sm" variant="outline" disabled={pending}>
        {pending ? "Refreshing…" : "Refresh token now"}
      </Button>
      {result?.ok && (
        <span data-testid="refresh-result" className={result.data.ok ? "text-sm text-success" : "text-sm text-destructive"}>
          {result.data.ok ? `New access token, valid until ${new Date(result.data.expiresAt).toISOString().slice(11, 16)} UTC` : result.data.message}
        </span>
      )}
      <FormError result={result} />
    </form>
  );
}
