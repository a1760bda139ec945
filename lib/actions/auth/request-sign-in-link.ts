"use server";

import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { rememberPendingSignIn } from "@/lib/auth/pending-sign-in";
import { requestSignInLink, SIGN_IN_FAILURE_MESSAGES } from "@/lib/auth/request-sign-in-link";

const FAILURE_KEYS = { send: "errorSend", refused: "errorAccessDenied", rateLimited: "errorRateLimited" } as const;

export interface SignInFormState {
  email: string;
  error?: string;
}

const signInInput = z.object({
  email: z.string().trim().max(320).pipe(z.email()),
  callbackUrl: z.string().optional(),
});

/** Emails a sign-in link to the address in the form, then shows the "check your email" page. */
export async function requestSignInLinkAction(_previous: SignInFormState, form: FormData): Promise<SignInFormState> {
  const raw = { email: String(form.get("email") ?? ""), callbackUrl: String(form.get("callbackUrl") ?? "") || undefined };
  const parsed = signInInput.safeParse(raw);
  const t = await getTranslations("signIn");
  if (!parsed.success) return { email: raw.email, error: t("invalidEmail") };

  const outcome = await requestSignInLink(parsed.data);
  if (!outcome.ok) {
    const failure = (Object.keys(FAILURE_KEYS) as (keyof typeof FAILURE_KEYS)[]).find((key) => SIGN_IN_FAILURE_MESSAGES[key] === outcome.message);
    return { email: raw.email, error: failure ? t(FAILURE_KEYS[failure]) : outcome.message };
  }
  await rememberPendingSignIn(outcome.email);
  redirect(outcome.callbackUrl === "/" ? "/sign-in/check-email" : `/sign-in/check-email?${new URLSearchParams({ callbackUrl: outcome.callbackUrl })}`);
}
