"use client";

import { useActionState } from "react";
import { adminTestConnectionAction } from "@/lib/actions/admin/test-connection";
import { FormError } from "@/components/connect/form-error";
import { Button } from "@/components/ui/button";

export function AdminTestButton({ authorizationId }: { authorizationId: string }) {
  const [result, action, pending] = useActionState(adminTestConnectionAction, null);
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="authorizationId" value={authorizationId} />
      <Button type="submit" size="sm" variant="outline" disabled={pending}>
        {pending ? "Testing…" : "Test connection"}
      </Button>
      {result?.ok && (
        <span data-testid="test-result" className={result.data.ok ? "text-sm text-success" : "text-sm text-destructive"}>
          {result.data.ok ? "Passed" : result.data.message}
        </span>
      )}
      <FormError result={result} />
    </form>
  );
}
