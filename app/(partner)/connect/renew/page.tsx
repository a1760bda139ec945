import { CircleAlert } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { requirePartner } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { resolveReminderLink } from "@/lib/lifecycle/resolve-reminder-link";

export const metadata: Metadata = { title: "Renew your connection" };

/** The one-click link of a reminder email: sign in, then straight to reauthorization. */
export default async function RenewPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const user = await requirePartner(`/connect/renew${token ? `?token=${encodeURIComponent(token)}` : ""}`);
  const target = await resolveReminderLink(user.tenantId, token).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });
  if (target.ok) redirect(target.path);
  return (
    <div className="space-y-6">
      <Alert variant="destructive">
        <CircleAlert aria-hidden />
        <AlertTitle>{target.reason === "expired" ? "This link has expired" : "This link is not valid"}</AlertTitle>
        <AlertDescription>
          {target.reason === "expired"
            ? "Links in reminder emails work for a limited time. You can still renew from your connections."
            : "The link may have been cut off when it was copied. You can renew from your connections."}
        </AlertDescription>
      </Alert>
      <Button asChild>
        <Link href="/connect">Go to your connections</Link>
      </Button>
    </div>
  );
}
