import type { Metadata } from "next";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { ConsentSummary } from "@/components/connect/consent-summary";
import { ContinueFromLink } from "@/components/connect/continue-from-link";
import { REGION_NAMES } from "@/lib/amazon/regions";
import { readConnectLinkSession } from "@/lib/connect-links/connect-link-session";
import { CONNECT_LINK_COOKIE } from "@/lib/connect-links/connect-link-url";

export const metadata: Metadata = { title: "What you are granting", referrer: "no-referrer" };

/** The consent page for a partner who opened a connect link: the link's tenant, region and flow only. */
export default async function ConnectLinkConsentPage() {
  const link = await readConnectLinkSession((await cookies()).get(CONNECT_LINK_COOKIE)?.value);
  if (!link) redirect("/connect/link/done?outcome=link_session_missing");
  const central = link.tenant.kind === "SELLER" ? "Seller Central" : "Vendor Central";
  const reauthorizing = link.flow === "REAUTHORIZE";
  return (
    <div className="space-y-8">
      <div>
        <p className="text-sm font-medium text-primary">{reauthorizing ? "Authorize again" : "Connect with Amazon"}</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight" data-testid="link-consent-title">
          Connect the {central} account of {link.tenant.name} · {REGION_NAMES[link.region]}
        </h1>
        <p className="mt-2 text-muted-foreground">
          {reauthorizing
            ? "Confirm on Amazon again to keep this connection working."
            : `You will sign in on Amazon's own ${central} page and confirm there. We never see your Amazon password. Here is exactly what you are granting.`}
        </p>
      </div>

      <ConsentSummary kind={link.tenant.kind} />

      <ContinueFromLink central={central} />
    </div>
  );
}
