import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { ConsentSummary } from "@/components/connect/consent-summary";
import { ContinueFromLink } from "@/components/connect/continue-from-link";
import { readConnectLinkSession } from "@/lib/connect-links/connect-link-session";
import { CONNECT_LINK_COOKIE } from "@/lib/connect-links/connect-link-url";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("consent"))("title"), referrer: "no-referrer" };
}

/** The consent page for a partner who opened a connect link: the link's tenant, region and flow only. */
export default async function ConnectLinkConsentPage() {
  const link = await readConnectLinkSession((await cookies()).get(CONNECT_LINK_COOKIE)?.value);
  if (!link) redirect("/connect/link/done?outcome=link_session_missing");
  const t = await getTranslations();
  const central = t("common.central", { kind: link.tenant.kind });
  const reauthorizing = link.flow === "REAUTHORIZE";
  return (
    <div className="space-y-8">
      <div>
        <p className="text-sm font-medium text-primary">{reauthorizing ? t("consent.authorizeAgain") : t("connectLink.eyebrow")}</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight" data-testid="link-consent-title">
          {t("connectLink.heading", { central, name: link.tenant.name, region: t(`regions.${link.region}`) })}
        </h1>
        <p className="mt-2 text-muted-foreground">{reauthorizing ? t("connectLink.introReauthorize") : t("consent.intro", { central })}</p>
      </div>

      <ConsentSummary kind={link.tenant.kind} />

      <ContinueFromLink label={t("consent.continueTo", { central })} pendingLabel={t("consent.opening")} />
    </div>
  );
}
