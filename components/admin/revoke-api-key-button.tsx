"use client";

import { useActionState } from "react";
import { revokeApiKeyAction } from "@/lib/actions/admin/revoke-api-key";
import { FormError } from "@/components/connect/form-error";
import { Button } from "@/components/ui/button";

export function RevokeApiKeyButton({ apiKeyId }: { apiKeyId: string }) {
  const [result, action, pending] = useActionState(revokeApiKeyAction, null);
  return (
    <form action={action}>
      <input type="hidden" name="apiKeyId" value={apiKeyId} />
      <Button type="submit" size="sm" variant="outline" disabled={pending}>
        Revoke
      </Button>
      <FormError result={result} />
    </form>
  );
}
