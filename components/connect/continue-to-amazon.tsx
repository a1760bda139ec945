"use client";

import { ExternalLink } from "lucide-react";
import { useActionState } from "react";
import { startAuthorizationAction } from "@/lib/actions/connect/start-authorization";
import { Button } from "@/components/ui/button";
import { PartnerFormError } from "./partner-form-error";

export function ContinueToAmazon({ marketplaceId, reason, label, pendingLabel }: { marketplaceId: string; reason?: string; label: string; pendingLabel: string }) {
  const [result, action, pending] = useActionState(startAuthorizationAction, null);
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="marketplaceId" value={marketplaceId} />
      {reason && <input type="hidden" name="reason" value={reason} />}
      <PartnerFormError result={result} />
      <Button type="submit" size="lg" disabled={pending} className="w-full sm:w-auto">
        {pending ? pendingLabel : label}
        <ExternalLink aria-hidden />
      </Button>
    </form>
  );
}
