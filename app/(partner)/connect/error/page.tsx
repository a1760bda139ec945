import { CircleAlert } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { isCallbackFailure } from "@/lib/oauth/callback-failures";
import { failureCopy } from "@/lib/oauth/failure-copy";
import { readServerEnv } from "@/lib/env";
import { z } from "zod";

const regions = z.object({ account: z.enum(["NA", "EU", "FE"]), started: z.enum(["NA", "EU", "FE"]) });

export const metadata: Metadata = { title: "The connection did not complete", referrer: "no-referrer" };

export default async function ConnectErrorPage({ searchParams }: { searchParams: Promise<{ code?: string; account?: string; started?: string }> }) {
  const query = await searchParams;
  const code = query.code;
  const copy = failureCopy(isCallbackFailure(code) ? code : "state_unknown", readServerEnv().OAUTH_STATE_TTL_SECONDS, regions.safeParse(query).data);
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
            <Link href="/connect">Start again</Link>
          </Button>
        )}
        <Button asChild variant={copy.next === "retry" ? "outline" : "default"}>
          <Link href="/connect">Go to your connections</Link>
        </Button>
        {copy.next === "contact" && <p className="w-full text-sm text-muted-foreground">Reference: {code}</p>}
      </CardContent>
    </Card>
  );
}
