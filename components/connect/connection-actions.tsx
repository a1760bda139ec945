"use client";

import { CheckCircle2, CircleAlert, RefreshCw } from "lucide-react";
import { useActionState } from "react";
import { disconnectAction } from "@/lib/actions/connect/disconnect-authorization";
import { testConnectionAction } from "@/lib/actions/connect/test-connection";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormError } from "./form-error";

export function TestConnectionButton({ authorizationId }: { authorizationId: string }) {
  const [result, action, pending] = useActionState(testConnectionAction, null);
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="authorizationId" value={authorizationId} />
      <Button type="submit" variant="outline" disabled={pending}>
        <RefreshCw className={pending ? "animate-spin" : undefined} aria-hidden /> {pending ? "Testing…" : "Test connection"}
      </Button>
      <FormError result={result} />
      {result?.ok &&
        (result.data.ok ? (
          <Alert variant="success" data-testid="test-result">
            <CheckCircle2 aria-hidden />
            <AlertTitle>The connection works</AlertTitle>
            <AlertDescription>Amazon answered our test call just now.</AlertDescription>
          </Alert>
        ) : (
          <Alert variant="destructive" data-testid="test-result">
            <CircleAlert aria-hidden />
            <AlertTitle>The test failed</AlertTitle>
            <AlertDescription>{result.data.message}</AlertDescription>
          </Alert>
        ))}
    </form>
  );
}

export function DisconnectForm({ authorizationId, central }: { authorizationId: string; central: string }) {
  const [result, action, pending] = useActionState(disconnectAction, null);
  return (
    <details className="group rounded-lg border border-destructive/30 p-4">
      <summary className="cursor-pointer text-sm font-medium text-destructive">Disconnect this account…</summary>
      <form action={action} className="mt-3 space-y-3">
        <input type="hidden" name="authorizationId" value={authorizationId} />
        <p className="text-sm text-muted-foreground">
          We will delete the authorization token right away and stop all access to your {central} account through this connection. You can connect again later.
        </p>
        <FormError result={result} />
        <Button type="submit" variant="destructive" disabled={pending}>
          {pending ? "Disconnecting…" : "Disconnect"}
        </Button>
      </form>
    </details>
  );
}
