"use client";

import { Webhook } from "lucide-react";
import Link from "next/link";
import { useActionState } from "react";
import { FormError } from "@/components/connect/form-error";
import { CopyOnceSecret } from "@/components/admin/copy-once-secret";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { createWebhookEndpointAction } from "@/lib/actions/admin/create-webhook-endpoint";
import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/event-types";

export function CreateWebhookEndpointForm({ tenants }: { tenants: { id: string; name: string }[] }) {
  const [result, action, pending] = useActionState(createWebhookEndpointAction, null);
  return (
    <div className="space-y-4">
      {result?.ok && (
        <Alert variant="success">
          <Webhook aria-hidden />
          <AlertTitle>Copy the signing secret now: it will not be shown again</AlertTitle>
          <AlertDescription className="mt-2 space-y-2">
            <p className="text-sm">
              Endpoint <Link className="underline" href={`/admin/webhooks/${result.data.endpointId}`}>{result.data.url}</Link> is registered. Verify every delivery&apos;s{" "}
              <code className="font-mono text-xs">x-latchkey-signature</code> with this secret.
            </p>
            <div className="flex flex-wrap items-center gap-2">
              <CopyOnceSecret value={result.data.secret} testId="new-webhook-secret" />
            </div>
          </AlertDescription>
        </Alert>
      )}
      <form action={action} className="grid gap-4 rounded-xl border bg-card p-5 sm:grid-cols-2">
        <div className="sm:col-span-2">
          <FormError result={result} />
        </div>
        <div className="space-y-2 sm:col-span-2">
          <Label htmlFor="webhook-url">Endpoint URL</Label>
          <Input id="webhook-url" name="url" type="url" required placeholder="https://example.com/hooks/latchkey" />
        </div>
        <div className="space-y-2">
          <Label htmlFor="webhook-description">Description (optional)</Label>
          <Input id="webhook-description" name="description" maxLength={200} placeholder="CRM sync" />
        </div>
        <div className="space-y-2">
          <Label htmlFor="webhook-tenant">Tenant</Label>
          <select id="webhook-tenant" name="tenantId" defaultValue="" className="h-9 w-full rounded-md border border-input bg-card px-2 text-sm">
            <option value="">Every tenant, and the app client&apos;s events</option>
            {tenants.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="space-y-2 sm:col-span-2">
          <legend className="text-sm font-medium">Events (none ticked: every event)</legend>
          <div className="grid gap-1 sm:grid-cols-2">
            {WEBHOOK_EVENT_TYPES.map((type) => (
              <label key={type} className="flex items-start gap-2 text-sm">
                <input type="checkbox" name="eventTypes" value={type} className="mt-1 size-4 accent-primary" />
                <span>
                  <span className="font-mono text-xs">{type}</span>
                  <span className="block text-muted-foreground">{WEBHOOK_EVENT_LABELS[type]}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <div>
          <Button type="submit" disabled={pending}>
            {pending ? "Registering…" : "Register endpoint"}
          </Button>
        </div>
      </form>
    </div>
  );
}
