import { CircleAlert } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { isCallbackFailure } from "@/lib/oauth/callback-failures";
import { FAILURE_COPY } from "@/lib/oauth/failure-copy";
import { translatedFailure } from "@/lib/i18n/failure-messages";
import { readServerEnv } from "@/lib/env";
import { z } from "zod";

const regions = z.object({ account: z.enum(["NA", "EU", "FE"]), started: z.enum(["NA", "EU", "FE"]) });

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("failure"))("pageTitle"), referrer: "no-referrer" };
}

export default async function ConnectErrorPage({ searchParams }: { searchParams: Promise<{ code?: string; account?: string; started?: string }> }) {
  const query = await searchParams;
  const code = query.code;
  const failure = isCallbackFailure(code) ? code : "state_unknown";
  const t = await getTranslations();
  const copy = { ...translatedFailure(t, failure, readServerEnv().OAUTH_STATE_TTL_SECONDS, regions.safeParse(query).data), next: FAILURE_COPY[failure].next };
  return (
    <Card className="mx-auto max-w-xl" data-testid="connect-error" data-code={isCallbackFailure(code) ? code : "state_unknown"}>
      <CardHeader>
        <CircleAlert className="size-6 text-destructive" aria-hidden />
        <CardTitle className="text-xl">{copy.title}</CardTitle>
        <CardDescription className="text-base">{copy.body}</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-wrap gap-3">
        {copy.next === "retry" && (
          <Button asChild>
            <Link href="/connect">{t("common.startAgain")}</Link>
          </Button>
        )}
        <Button asChild variant={copy.next === "retry" ? "outline" : "default"}>
          <Link href="/connect">{t("common.goToConnections")}</Link>
        </Button>
        {copy.next === "contact" && <p className="w-full text-sm text-muted-foreground">{t("failure.reference", { code: code ?? "" })}</p>}
      </CardContent>
    </Card>
  );
}
