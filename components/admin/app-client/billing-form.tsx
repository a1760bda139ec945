"use client";

import { useActionState } from "react";
import { setBillingAction } from "@/lib/actions/app-client/set-billing";
import { FormError } from "@/components/connect/form-error";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

const LABELS: Record<string, string> = {
  good_standing: "Good standing",
  action_required: "Action required",
  suspended: "Suspended",
  unknown: "Unknown",
};

export function BillingForm({ billingStatus, chargeMethodExpiresAt }: { billingStatus: string | null; chargeMethodExpiresAt: string | null }) {
  const [result, action, pending] = useActionState(setBillingAction, null);
  return (
    <form action={action} className="grid gap-4 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
      <div className="space-y-2">
        <Label htmlFor="billingStatus">Developer account billing</Label>
        <select id="billingStatus" name="billingStatus" defaultValue={billingStatus ?? "unknown"} className="h-9 w-full rounded-md border border-input bg-card px-2 text-sm">
          {Object.entries(LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="space-y-2">
        <Label htmlFor="chargeMethodExpiresAt">Card (charge method) expires</Label>
        <Input id="chargeMethodExpiresAt" name="chargeMethodExpiresAt" type="date" defaultValue={chargeMethodExpiresAt?.slice(0, 10) ?? ""} />
      </div>
      <Button type="submit" variant="outline" disabled={pending}>
        {pending ? "Saving…" : "Save"}
      </Button>
      <div className="sm:col-span-3">
        {result?.ok && <p className="text-sm text-success">Saved.</p>}
        <FormError result={result} />
      </div>
    </form>
  );
}
