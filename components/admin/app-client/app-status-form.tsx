"use client";

import { useActionState } from "react";
import { setAppStatusAction } from "@/lib/actions/app-client/set-app-status";
import { FormError } from "@/components/connect/form-error";
import { Button } from "@/components/ui/button";

/** Draft ↔ published. Draft apps send partners to Amazon's consent page with `version=beta`. */
export function AppStatusForm({ status }: { status: "DRAFT" | "PUBLISHED" }) {
  const [result, action, pending] = useActionState(setAppStatusAction, null);
  const next = status === "DRAFT" ? "PUBLISHED" : "DRAFT";
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="status" value={next} />
      <Button type="submit" size="sm" variant="outline" disabled={pending}>
        {next === "PUBLISHED" ? "Mark as published" : "Mark as draft"}
      </Button>
      <FormError result={result} />
    </form>
  );
}
