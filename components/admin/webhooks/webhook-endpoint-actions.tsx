"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { FormError } from "@/components/connect/form-error";
import { Button } from "@/components/ui/button";
import { deleteWebhookEndpointAction } from "@/lib/actions/admin/delete-webhook-endpoint";
import { redeliverWebhookAction } from "@/lib/actions/admin/redeliver-webhook";
import { sendTestWebhookAction } from "@/lib/actions/admin/send-test-webhook";
import { setWebhookEndpointEnabledAction } from "@/lib/actions/admin/set-webhook-endpoint-enabled";

function outcomeText(delivery: { status: string; responseStatus: number | null; error: string | null }): string {
  if (delivery.status === "succeeded") return `Delivered (HTTP ${delivery.responseStatus}).`;
  if (delivery.status === "pending") return `Not delivered yet (${delivery.error ?? "will retry"}); it will be tried again.`;
  return `Failed: ${delivery.error ?? "the endpoint refused it"}.`;
}

export function SendTestWebhookButton({ endpointId }: { endpointId: string }) {
  const [result, action, pending] = useActionState(sendTestWebhookAction, null);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="endpointId" value={endpointId} />
      <Button type="submit" size="sm" disabled={pending}>
        {pending ? "Sending…" : "Send test event"}
      </Button>
      {result?.ok && (
        <p role="status" className="text-sm text-muted-foreground">
          Test event: {outcomeText(result.data)}
        </p>
      )}
      <FormError result={result} />
    </form>
  );
}

export function RedeliverWebhookButton({ endpointId, deliveryId }: { endpointId: string; deliveryId: string }) {
  const [result, action, pending] = useActionState(redeliverWebhookAction, null);
  return (
    <form action={action}>
      <input type="hidden" name="endpointId" value={endpointId} />
      <input type="hidden" name="deliveryId" value={deliveryId} />
      <Button type="submit" size="sm" variant="outline" disabled={pending}>
        {pending ? "Sending…" : "Send again"}
      </Button>
      <FormError result={result} />
    </form>
  );
}

export function ToggleWebhookEndpointButton({ endpointId, enabled }: { endpointId: string; enabled: boolean }) {
  const [result, action, pending] = useActionState(setWebhookEndpointEnabledAction, null);
  return (
    <form action={action}>
      <input type="hidden" name="endpointId" value={endpointId} />
      <input type="hidden" name="enabled" value={enabled ? "false" : "true"} />
      <Button type="submit" size="sm" variant="outline" disabled={pending}>
        {enabled ? "Disable" : "Enable"}
      </Button>
      <FormError result={result} />
    </form>
  );
}

export function DeleteWebhookEndpointButton({ endpointId }: { endpointId: string }) {
  const [result, action, pending] = useActionState(deleteWebhookEndpointAction, null);
  const router = useRouter();
  useEffect(() => {
    if (result?.ok) router.push("/admin/webhooks");
  }, [result, router]);
  return (
    <form
      action={action}
      onSubmit={(event) => {
        if (!window.confirm("Remove this endpoint and its delivery log?")) event.preventDefault();
      }}
    >
      <input type="hidden" name="endpointId" value={endpointId} />
      <Button type="submit" size="sm" variant="destructive" disabled={pending}>
        Remove
      </Button>
      <FormError result={result} />
    </form>
  );
}
