import { FlaskConical, MailCheck } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { MAGIC_LINK_MAX_AGE_SECONDS } from "@/lib/auth/send-magic-link";
import { sanitizeCallbackUrl } from "@/lib/auth/callback-url";
import { readPendingSignIn } from "@/lib/auth/pending-sign-in";
import { devOutboxEnabled } from "@/lib/email/mode";
import { translatorFor } from "@/lib/i18n/translator";
import { getLocale } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("checkEmail"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function CheckEmailPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const raw = Array.isArray(params.callbackUrl) ? params.callbackUrl[0] : params.callbackUrl;
  const callbackUrl = sanitizeCallbackUrl(raw);
  const [email, t, locale] = await Promise.all([readPendingSignIn(), getTranslations(), getLocale()]);
  const bold = (chunks: React.ReactNode) => <span className="font-medium text-foreground">{chunks}</span>;
  const minutes = Math.round(MAGIC_LINK_MAX_AGE_SECONDS / 60);
  const again = callbackUrl === "/" ? "/sign-in" : `/sign-in?${new URLSearchParams({ callbackUrl })}`;

  return (
    <div className="flex flex-col gap-4">
      <Card>
        <CardHeader>
          <MailCheck className="size-6 text-primary" aria-hidden />
          <CardTitle className="text-xl">{t("checkEmail.title")}</CardTitle>
          <CardDescription>
            {email ? t.rich("checkEmail.sentTo", { email, b: bold }) : t("checkEmail.sentToEntered")}
          </CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-4 text-sm">
          <ol className="list-decimal space-y-2 pl-5">
            <li>{t("checkEmail.stepOpen", { subject: translatorFor(locale)("emails.magicLink.subject") })}</li>
            <li>{t.rich("checkEmail.stepClick", { b: (chunks) => <span className="font-medium">{chunks}</span> })}</li>
          </ol>
          <p className="text-muted-foreground">{t("checkEmail.expiry", { minutes })}</p>
          <Button asChild variant="outline" className="self-start">
            <Link href={again}>{t("checkEmail.sendNew")}</Link>
          </Button>
        </CardContent>
      </Card>
      {devOutboxEnabled() && (
        <Alert variant="warning">
          <FlaskConical aria-hidden />
          <AlertTitle>{t("checkEmail.devTitle")}</AlertTitle>
          <AlertDescription>
            <p>{t("checkEmail.devBody")}</p>
            <Link href="/dev/outbox" className="mt-2 inline-block font-medium text-primary underline-offset-4 hover:underline">
              {t("checkEmail.devLink")}
            </Link>
          </AlertDescription>
        </Alert>
      )}
    </div>
  );
}
