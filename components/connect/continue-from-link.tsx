"use client";

import { ExternalLink } from "lucide-react";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { startLinkAuthorizationAction } from "@/lib/actions/connect/start-link-authorization";
import { Button } from "@/components/ui/button";
import { PartnerFormError } from "./partner-form-error";

/** The consent page's button for a partner who came through a connect link (no Latchkey account). */
export function ContinueFromLink({ label, pendingLabel }: { label: string; pendingLabel: string }) {
  const t = useTranslations("connectLink");
  const [result, action, pending] = useActionState(startLinkAuthorizationAction, null);
  return (
    <form action={action} className="space-y-4">
      <PartnerFormError result={result} overrides={{ not_found: t("linkInvalid") }} />
      <Button type="submit" size="lg" disabled={pending} className="w-full sm:w-auto">
        {pending ? pendingLabel : label}
        <ExternalLink aria-hidden />
      </Button>
    </form>
  );
}
