import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { sanitizeCallbackUrl } from "@/lib/auth/callback-url";
import { getCurrentUser } from "@/lib/auth/session";
import { SignOutButton } from "../sign-out-button";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signIn"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

// Auth.js sends some failures back here as ?error=...; say what happened without its jargon.
function errorKey(code: string | undefined) {
  if (!code) return undefined;
  if (code === "AccessDenied") return "errorAccessDenied" as const;
  if (code === "Verification") return "errorVerification" as const;
  return "errorSend" as const;
}

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = sanitizeCallbackUrl(first(params.callbackUrl));
  const [user, t] = await Promise.all([getCurrentUser(), getTranslations()]);
  const error = errorKey(first(params.error));

  if (user) {
    return (
      <Card>
        <CardHeader>
          <CardTitle className="text-xl">{t("signIn.signedInTitle")}</CardTitle>
          <CardDescription>{t.rich("signIn.signedInAs", { email: user.email, b: (chunks) => <span className="font-medium text-foreground">{chunks}</span> })}</CardDescription>
        </CardHeader>
        <CardFooter className="flex-wrap">
          <Button asChild>
            <Link href={callbackUrl}>{t("common.continue")}</Link>
          </Button>
          <SignOutButton label={t("common.signOut")} />
        </CardFooter>
      </Card>
    );
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-xl">{t("signIn.heading")}</CardTitle>
        <CardDescription>{t("signIn.intro")}</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <SignInForm callbackUrl={callbackUrl} initialError={error ? t(`signIn.${error}`) : undefined} />
        <p className="text-sm text-muted-foreground">
          {t("signIn.newHere")}
        </p>
      </CardContent>
    </Card>
  );
}
