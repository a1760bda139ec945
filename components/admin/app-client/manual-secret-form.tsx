"use client";

import { CheckCircle2 } from "lucide-react";
import { useActionState } from "react";
import { setManualSecretAction } from "@/lib/actions/app-client/set-manual-secret";
import { FormError } from "@/components/connect/form-error";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

/** Paste a client secret from the Developer Console; it is verified with Amazon before it becomes current. */
export function ManualSecretForm() {
  const [result, action, pending] = useActionState(setManualSecretAction, null);
  return (
    <form action={action} className="grid gap-4 sm:grid-cols-[2fr_1fr_auto] sm:items-end">
      <div className="space-y-2">
        <Label htmlFor="clientSecret">New client secret</Label>
        <Input id="clientSecret" name="clientSecret" type="password" autoComplete="off" required placeholder="amzn1.oa2-cs.v1.…" />
      </div>
      <div className="space-y-2">
        <Label htmlFor="expiresAt">Expires on (optional)</Label>
        <Input id="expiresAt" name="expiresAt" type="date" />
      </div>
      <Button type="submit" variant="outline" disabled={pending}>
        {pending ? "Verifying…" : "Verify and use"}
      </Button>
      <div className="sm:col-span-3">
        {result?.ok && (
          <Alert variant="success">
            <CheckCircle2 aria-hidden />
            <AlertDescription>
              {result.data.message} Fingerprint <span className="font-mono">{result.data.fingerprint}</span>; the secret itself is never shown again.
            </AlertDescription>
          </Alert>
        )}
        <FormError result={result} />
      </div>
    </form>
  );
}
