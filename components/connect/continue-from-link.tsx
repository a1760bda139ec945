"use client";

import { ExternalLink } from "lucide-react";
import { useActionState } from "react";
import { startLinkAuthorizationAction } from "@/lib/actions/connect/start-link-authorization";
import { Button } from "@/components/ui/button";
import { FormError } from "./form-error";

/** The consent page's button for a partner who came through a connect link (no Latchkey account). */
export function ContinueFromLink({ central }: { central: string }) {
  const [result, action, pending] = useActionState(startLinkAuthorizationAction, null);
  return (
    <form action={action} className="space-y-4">
      <FormError result={result} />
      <Button type="submit" size="lg" disabled={pending} className="w-full sm:w-auto">
        {pending ? "Opening Amazon…" : `Continue to ${central}`}
        <ExternalLink aria-hidden />
      </Button>
    </form>
  );
}
