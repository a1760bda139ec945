import { CircleAlert } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { MAGIC_LINK_MAX_AGE_SECONDS } from "@/lib/auth/send-magic-link";

export const metadata: Metadata = { title: "Sign-in problem" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function explain(code: string | undefined): { title: string; text: string } {
  const minutes = Math.round(MAGIC_LINK_MAX_AGE_SECONDS / 60);
  switch (code) {
    case "Verification":
      return {
        title: "This sign-in link has expired or was already used",
        text: `For your safety, each link works only once and only for ${minutes} minutes. Ask for a new one; it arrives in a few seconds.`,
      };
    case "AccessDenied":
      return { title: "You can't sign in with this address", text: "Check the address, or use another one." };
    default:
      return {
        title: "We couldn't sign you in",
        text: "Something went wrong on our side. Please ask for a new sign-in link; if it keeps happening, contact your Latchkey administrator.",
      };
  }
}

export default async function SignInErrorPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const code = Array.isArray(params.error) ? params.error[0] : params.error;
  const { title, text } = explain(code);
  return (
    <Card>
      <CardHeader>
        <CircleAlert className="size-6 text-destructive" aria-hidden />
        <CardTitle className="text-xl leading-snug">{title}</CardTitle>
        <CardDescription>{text}</CardDescription>
      </CardHeader>
      <CardContent>
        <Button asChild>
          <Link href="/sign-in">Send a new link</Link>
        </Button>
      </CardContent>
    </Card>
  );
}
