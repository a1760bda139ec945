import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { sanitizeCallbackUrl } from "@/lib/auth/callback-url";
import { getCurrentUser } from "@/lib/auth/session";
import { SignOutButton } from "../sign-out-button";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

// Auth.js sends some failures back here as ?error=...; say what happened without its jargon.
function errorMessage(code: string | undefined): string | undefined {
  if (!code) return undefined;
  if (code === "AccessDenied") return "This email address can't be used to sign in. Check it, or use another one.";
  if (code === "Verification") return "That sign-in link has expired or was already used. Ask for a new one below.";
  return "We couldn't send the email just now. Please try again in a minute.";
}

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = sanitizeCallbackUrl(first(params.callbackUrl));
  const user = await getCurrentUser();

  if (user) {
    return (
      <Card>
        <CardHeader>
          <CardTitle className="text-xl">You&apos;re signed in</CardTitle>
          <CardDescription>
            Signed in as <span className="font-medium text-foreground">{user.email}</span>.
          </CardDescription>
        </CardHeader>
        <CardFooter className="flex-wrap">
          <Button asChild>
            <Link href={callbackUrl}>Continue</Link>
          </Button>
          <SignOutButton />
        </CardFooter>
      </Card>
    );
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-xl">Sign in to Latchkey</CardTitle>
        <CardDescription>
          Enter your email address and we&apos;ll send you a link that signs you in. No password to remember.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <SignInForm callbackUrl={callbackUrl} initialError={errorMessage(first(params.error))} />
        <p className="text-sm text-muted-foreground">
          New to Latchkey? Use the address you want reminders and alerts sent to; your account is created the first time you sign in.
        </p>
      </CardContent>
    </Card>
  );
}
