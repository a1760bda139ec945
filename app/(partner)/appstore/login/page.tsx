import { CircleAlert, Store } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ContinueAppstore } from "@/components/connect/continue-appstore";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requirePartner } from "@/lib/auth/session";
import { translatedFailure } from "@/lib/i18n/failure-messages";
import { roleKey } from "@/lib/i18n/ledger-keys";
import { appstoreParams, checkAmazonCallbackUri } from "@/lib/oauth/appstore";
import { FAILURE_COPY } from "@/lib/oauth/failure-copy";
import { ROLES, requestedRoles } from "@/lib/roles/ledger";
import { getTenantConnections } from "@/lib/tenants/get-tenant-connections";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("appstore"))("title"), referrer: "no-referrer" };
}

async function Failure({ code }: { code: keyof typeof FAILURE_COPY }) {
  const t = await getTranslations();
  const copy = translatedFailure(t, code, 0);
  return (
    <Card className="mx-auto max-w-xl" data-testid="connect-error" data-code={code}>
      <CardHeader>
        <CircleAlert className="size-6 text-destructive" aria-hidden />
        <CardTitle className="text-xl">{copy.title}</CardTitle>
        <CardDescription className="text-base">{copy.body}</CardDescription>
      </CardHeader>
      <CardContent>
        <Button asChild>
          <Link href="/connect">{t("common.goToConnections")}</Link>
        </Button>
      </CardContent>
    </Card>
  );
}

/** The log-in URI registered with Amazon: where the Appstore's "Authorize now" lands a seller. */
export default async function AppstoreLoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = await searchParams;
  const parsed = appstoreParams.safeParse(raw);
  if (!parsed.success) return <Failure code="appstore_link_invalid" />;
  const params = parsed.data;
  const here = `/appstore/login?${new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => typeof e[1] === "string")).toString()}`;
  const user = await requirePartner(here);
  if (!user.tenantId) redirect(`/connect/register?next=${encodeURIComponent(here)}`);
  const target = checkAmazonCallbackUri(params.amazon_callback_uri);
  if (!target.ok) return <Failure code={target.failure} />;
  const tenant = await getTenantConnections(user.tenantId);
  if (tenant.kind === "VENDOR") return <Failure code="vendor_appstore" />;
  const t = await getTranslations();
  const grants = (role: keyof typeof ROLES) => {
    const key = roleKey(role);
    return key ? t(`roles.${key}`) : ROLES[role].grants;
  };

  return (
    <Card className="mx-auto max-w-xl">
      <CardHeader>
        <Store className="size-6 text-primary" aria-hidden />
        <CardTitle className="text-xl">{t("appstore.finish", { name: tenant.name })}</CardTitle>
        <CardDescription className="text-base">{t("appstore.intro", { region: t(`regions.${target.marketplace.region}`) })}</CardDescription>
      </CardHeader>
      <CardContent className="space-y-6">
        <div>
          <p className="text-sm font-medium">{t("appstore.granting")}</p>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-muted-foreground">
            {requestedRoles("SELLER").map((role) => (
              <li key={role}>
                <span className="font-medium text-foreground">{ROLES[role].name}:</span> {grants(role)}
              </li>
            ))}
          </ul>
        </div>
        <ContinueAppstore label={t("appstore.finishOnAmazon")} pendingLabel={t("appstore.returning")} params={Object.fromEntries(Object.entries(params).filter((e): e is [string, string] => typeof e[1] === "string"))} />
      </CardContent>
    </Card>
  );
}
