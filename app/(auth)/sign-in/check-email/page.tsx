import { FlaskConical, MailCheck } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { MAGIC_LINK_MAX_AGE_SECONDS } from "@/lib/auth/send-magic-link";
import { sanitizeCallbackUrl } from "@/lib/auth/callback-url";
import { readPendingSignIn } from "@/lib/auth/pending-sign-in";
import { devOutboxEnabled } from "@/lib/email/mode";

export const metadata: Metadata = { title: "Check your email" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function CheckEmailPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const raw = Array.isArray(params.callbackUrl) ? params.callbackUrl[0] : params.callbackUrl;
  const callbackUrl = sanitizeCallbackUrl(raw);
  const email = await readPendingSignIn();
  const minutes = Math.round(MAGIC_LINK_MAX_AGE_SECONDS / 60);
  const again = callbackUrl === "/" ? "/sign-in" : `/sign-in?${new URLSearchParams({ callbackUrl })}`;

  return (
    <div className="flex flex-col gap-4">
      <Card>
        <CardHeader>
          <MailCheck className="size-6 text-primary" aria-hidden />
          <CardTitle className="text-xl">Check your email</CardTitle>
          <CardDescription>
            {email ? (
              <>
                We sent a sign-in link to <span className="font-medium text-foreground">{email}</span>.
              </>
            ) : (
              "We sent a sign-in link to the address you entered."
            )}
          </CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-4 text-sm">
          <ol className="list-decimal space-y-2 pl-5">
            <li>Open the email from Latchkey (the subject is &ldquo;Your Latchkey sign-in link&rdquo;).</li>
            <li>Click <span className="font-medium">Sign in to Latchkey</span> on the device where you want to be signed in.</li>
          </ol>
          <p className="text-muted-foreground">
            The link works for {minutes} minutes and only once. Nothing arrived after a few minutes? Check your spam folder, or ask
            for a new link.
          </p>
          <Button asChild variant="outline" className="self-start">
            <Link href={again}>Send a new link</Link>
          </Button>
        </CardContent>
      </Card>
      {devOutboxEnabled() && (
        <Alert variant="warning">
          <FlaskConical aria-hidden />
          <AlertTitle>Development mode</AlertTitle>
          <AlertDescription>
            <p>No email provider is configured (RESEND_API_KEY is unset), so emails are kept in the development outbox instead of being sent.</p>
            <Link href="/dev/outbox" className="mt-2 inline-block font-medium text-primary underline-offset-4 hover:underline">
              Open the development outbox
            </Link>
          </AlertDescription>
        </Alert>
      )}
    </div>
  );
}
