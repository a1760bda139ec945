import { CircleAlert, CircleCheck } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { linkOutcomeMessage } from "@/lib/connect-links/link-outcome-messages";
import { readServerEnv } from "@/lib/env";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("connectLink"))("pageTitle"), referrer: "no-referrer" };
}

const regions = z.object({ account: z.enum(["NA", "EU", "FE"]), started: z.enum(["NA", "EU", "FE"]) });

/** Where a connect link ends when it has no returnUrl (and where used, expired or unknown links land). */
export default async function ConnectLinkDonePage({ searchParams }: { searchParams: Promise<{ outcome?: string; account?: string; started?: string }> }) {
  const query = await searchParams;
  const copy = linkOutcomeMessage(await getTranslations(), query.outcome, readServerEnv().OAUTH_STATE_TTL_SECONDS, regions.safeParse(query).data);
  const Icon = copy.tone === "success" ? CircleCheck : CircleAlert;
  return (
    <Card className="mx-auto max-w-xl" data-testid="connect-link-result" data-outcome={query.outcome ?? ""}>
      <CardHeader>
        <Icon className={copy.tone === "success" ? "size-6 text-primary" : "size-6 text-destructive"} aria-hidden />
        <CardTitle className="text-xl">{copy.title}</CardTitle>
        <CardDescription className="text-base">{copy.body}</CardDescription>
      </CardHeader>
    </Card>
  );
}
