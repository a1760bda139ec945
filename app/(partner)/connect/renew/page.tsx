import { CircleAlert } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { requirePartner } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { resolveReminderLink } from "@/lib/lifecycle/resolve-reminder-link";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("renew"))("title") };
}

/** The one-click link of a reminder email: sign in, then straight to reauthorization. */
export default async function RenewPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const user = await requirePartner(`/connect/renew${token ? `?token=${encodeURIComponent(token)}` : ""}`);
  const target = await resolveReminderLink(user.tenantId, token).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });
  if (target.ok) redirect(target.path);
  const t = await getTranslations();
  return (
    <div className="space-y-6">
      <Alert variant="destructive">
        <CircleAlert aria-hidden />
        <AlertTitle>{target.reason === "expired" ? t("renew.expiredTitle") : t("renew.invalidTitle")}</AlertTitle>
        <AlertDescription>
          {target.reason === "expired" ? t("renew.expiredBody") : t("renew.invalidBody")}
        </AlertDescription>
      </Alert>
      <Button asChild>
        <Link href="/connect">{t("common.goToConnections")}</Link>
      </Button>
    </div>
  );
}
