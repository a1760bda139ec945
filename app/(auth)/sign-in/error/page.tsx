import { CircleAlert } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { MAGIC_LINK_MAX_AGE_SECONDS } from "@/lib/auth/send-magic-link";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signInError"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

async function explain(code: string | undefined): Promise<{ title: string; text: string }> {
  const minutes = Math.round(MAGIC_LINK_MAX_AGE_SECONDS / 60);
  const t = await getTranslations("signInError");
  switch (code) {
    case "Verification":
      return { title: t("verificationTitle"), text: t("verificationText", { minutes }) };
    case "AccessDenied":
      return { title: t("deniedTitle"), text: t("deniedText") };
    default:
      return { title: t("otherTitle"), text: t("otherText") };
  }
}

export default async function SignInErrorPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const code = Array.isArray(params.error) ? params.error[0] : params.error;
  const [{ title, text }, t] = await Promise.all([explain(code), getTranslations("checkEmail")]);
  return (
    <Card>
      <CardHeader>
        <CircleAlert className="size-6 text-destructive" aria-hidden />
        <CardTitle className="text-xl leading-snug">{title}</CardTitle>
        <CardDescription>{text}</CardDescription>
      </CardHeader>
      <CardContent>
        <Button asChild>
          <Link href="/sign-in">{t("sendNew")}</Link>
        </Button>
      </CardContent>
    </Card>
  );
}
