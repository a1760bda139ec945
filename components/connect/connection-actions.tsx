"use client";

import { CheckCircle2, CircleAlert, RefreshCw } from "lucide-react";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { disconnectAction } from "@/lib/actions/connect/disconnect-authorization";
import { testConnectionAction } from "@/lib/actions/connect/test-connection";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { PartnerFormError } from "./partner-form-error";

export function TestConnectionButton({ authorizationId }: { authorizationId: string }) {
  const [result, action, pending] = useActionState(testConnectionAction, null);
  const t = useTranslations();
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="authorizationId" value={authorizationId} />
      <Button type="submit" variant="outline" disabled={pending}>
        <RefreshCw className={pending ? "animate-spin" : undefined} aria-hidden /> {pending ? t("connection.testing") : t("connection.testButton")}
      </Button>
      <PartnerFormError result={result} />
      {result?.ok &&
        (result.data.ok ? (
          <Alert variant="success" data-testid="test-result">
            <CheckCircle2 aria-hidden />
            <AlertTitle>{t("connection.testWorksTitle")}</AlertTitle>
            <AlertDescription>{t("connection.testWorksBody")}</AlertDescription>
          </Alert>
        ) : (
          <Alert variant="destructive" data-testid="test-result">
            <CircleAlert aria-hidden />
            <AlertTitle>{t("connection.testFailedTitle")}</AlertTitle>
            <AlertDescription>{result.data.message}</AlertDescription>
          </Alert>
        ))}
    </form>
  );
}

export function DisconnectForm({ authorizationId, central }: { authorizationId: string; central: string }) {
  const [result, action, pending] = useActionState(disconnectAction, null);
  const t = useTranslations();
  return (
    <details className="group rounded-lg border border-destructive/30 p-4">
      <summary className="cursor-pointer text-sm font-medium text-destructive">{t("connection.disconnectSummary")}</summary>
      <form action={action} className="mt-3 space-y-3">
        <input type="hidden" name="authorizationId" value={authorizationId} />
        <p className="text-sm text-muted-foreground">
          {t("connection.disconnectBody", { central })}
        </p>
        <PartnerFormError result={result} />
        <Button type="submit" variant="destructive" disabled={pending}>
          {pending ? t("connection.disconnecting") : t("connection.disconnect")}
        </Button>
      </form>
    </details>
  );
}
