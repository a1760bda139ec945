"use client";

import { RefreshCw } from "lucide-react";
import { useActionState } from "react";
import { rotateNowAction } from "@/lib/actions/app-client/rotate-client-secret";
import { FormError } from "@/components/connect/form-error";
import { Button } from "@/components/ui/button";

export function RotateNowButton({ disabled }: { disabled: boolean }) {
  const [result, action, pending] = useActionState(rotateNowAction, null);
  return (
    <form action={action} className="space-y-3">
      <Button type="submit" disabled={pending || disabled}>
        <RefreshCw aria-hidden /> {pending ? "Asking Amazon…" : "Rotate now"}
      </Button>
      {disabled && <p className="text-sm text-muted-foreground">A rotation is waiting for Amazon&apos;s new-secret notification.</p>}
      {result?.ok && (
        <p data-testid="rotation-result" className={result.data.status === "FAILED" ? "text-sm text-destructive" : "text-sm text-success"}>
          {result.data.status === "FAILED" ? result.data.error : "Amazon accepted the rotation. The new secret arrives through the notification queue; this page updates by itself."}
        </p>
      )}
      <FormError result={result} />
    </form>
  );
}
