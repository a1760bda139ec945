"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { rememberPendingSignIn } from "@/lib/auth/pending-sign-in";
import { requestSignInLink } from "@/lib/auth/request-sign-in-link";

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
  if (!parsed.success) return { email: raw.email, error: "Enter a valid email address, like name@company.com." };

  const outcome = await requestSignInLink(parsed.data);
  if (!outcome.ok) return { email: raw.email, error: outcome.message };
  await rememberPendingSignIn(outcome.email);
  redirect(outcome.callbackUrl === "/" ? "/sign-in/check-email" : `/sign-in/check-email?${new URLSearchParams({ callbackUrl: outcome.callbackUrl })}`);
}
