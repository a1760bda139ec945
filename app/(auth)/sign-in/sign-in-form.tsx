"use client";

import { CircleAlert, Mail } from "lucide-react";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { requestSignInLinkAction } from "@/lib/actions/auth/request-sign-in-link";
import { type SignInFormState } from "@/lib/actions/auth/request-sign-in-link";

export function SignInForm({ callbackUrl, initialError }: { callbackUrl: string; initialError?: string }) {
  const [state, action, pending] = useActionState<SignInFormState, FormData>(requestSignInLinkAction, { email: "", error: initialError });
  const t = useTranslations("signIn");
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <div className="flex flex-col gap-2">
        <Label htmlFor="email">{t("emailLabel")}</Label>
        <Input
          id="email"
          name="email"
          type="email"
          inputMode="email"
          autoComplete="email"
          autoCapitalize="none"
          spellCheck={false}
          placeholder={t("emailPlaceholder")}
          defaultValue={state.email}
          required
          aria-invalid={state.error ? true : undefined}
          aria-describedby={state.error ? "sign-in-error" : undefined}
          className="h-11 text-base sm:h-10 sm:text-sm"
        />
      </div>
      {state.error && (
        <Alert variant="destructive" id="sign-in-error">
          <CircleAlert aria-hidden />
          <AlertDescription>{state.error}</AlertDescription>
        </Alert>
      )}
      <Button type="submit" size="lg" disabled={pending} className="w-full">
        <Mail aria-hidden />
        {pending ? t("sending") : t("submit")}
      </Button>
    </form>
  );
}
