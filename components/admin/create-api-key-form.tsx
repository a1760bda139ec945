"use client";

import { KeyRound } from "lucide-react";
import { useActionState } from "react";
import { createApiKeyAction } from "@/lib/actions/admin/create-api-key";
import { FormError, fieldErrorProps } from "@/components/connect/form-error";
import { CopyOnceSecret } from "@/components/admin/copy-once-secret";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { TenantPicker } from "./tenant-picker";
import { API_KEY_SCOPE_LABELS, API_KEY_SCOPES } from "@/lib/api-keys/scopes";

export function CreateApiKeyForm() {
  const [result, action, pending] = useActionState(createApiKeyAction, null);
  return (
    <div className="space-y-4">
      {result?.ok && (
        <Alert variant="success">
          <KeyRound aria-hidden />
          <AlertTitle>Copy this key now: it will not be shown again</AlertTitle>
          <AlertDescription className="mt-2 flex flex-wrap items-center gap-2">
            <CopyOnceSecret value={result.data.apiKey} testId="new-api-key" />
          </AlertDescription>
        </Alert>
      )}
      <form action={action} className="grid gap-4 rounded-xl border bg-card p-5 sm:grid-cols-2">
        <div className="sm:col-span-2">
          <FormError result={result} id="api-key-error" />
        </div>
        <div className="space-y-2">
          <Label htmlFor="name">Name</Label>
          <Input id="name" name="name" {...fieldErrorProps(result, "name", "api-key-error")} required placeholder="order-sync" />
        </div>
        <div className="space-y-2">
          <Label htmlFor="rateLimitPerMinute">Requests per minute</Label>
          <Input id="rateLimitPerMinute" name="rateLimitPerMinute" {...fieldErrorProps(result, "rateLimitPerMinute", "api-key-error")} type="number" min={1} defaultValue={600} />
        </div>
        <div className="space-y-2 sm:col-span-2">
          <span id="tenantIds-label" className="block text-sm font-medium leading-none">
            Limit to tenants
          </span>
          <p id="tenantIds-hint" className="text-sm text-muted-foreground">
            None chosen: the key works for every tenant. Search by business name, contact email or selling partner ID.
          </p>
          <TenantPicker name="tenantIds" labelId="tenantIds-label" describedBy="tenantIds-hint" />
        </div>
        <fieldset className="space-y-2 sm:col-span-2">
          <legend className="text-sm font-medium">Scopes (what the service may ask for)</legend>
          {API_KEY_SCOPES.map((scope) => (
            <label key={scope} className="flex items-start gap-2 text-sm">
              <input type="checkbox" name="scopes" value={scope} defaultChecked className="mt-1 size-4 accent-primary" />
              <span>
                <span className="font-medium">{API_KEY_SCOPE_LABELS[scope].label}</span>
                <span className="text-muted-foreground"> — {API_KEY_SCOPE_LABELS[scope].description}</span>
              </span>
            </label>
          ))}
          <p className="text-xs text-muted-foreground">Client-secret rotation is never available to a key: only this admin UI and the scheduled workflow rotate.</p>
        </fieldset>
        <div>
          <Button type="submit" disabled={pending}>
            {pending ? "Creating…" : "Create API key"}
          </Button>
        </div>
      </form>
    </div>
  );
}
