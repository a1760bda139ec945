import "server-only";
// Remembers, for a few minutes and only in this browser, which address a sign-in link was just sent to,
// so the "check your email" page can name it without putting the address in a URL.
import { cookies } from "next/headers";

const COOKIE = "latchkey-pending-sign-in";
const MAX_AGE_SECONDS = 15 * 60;

export async function rememberPendingSignIn(email: string): Promise<void> {
  (await cookies()).set(COOKIE, email, { httpOnly: true, sameSite: "lax", path: "/sign-in", maxAge: MAX_AGE_SECONDS });
}

export async function readPendingSignIn(): Promise<string | null> {
  const value = (await cookies()).get(COOKIE)?.value;
  return value && value.length <= 320 && value.includes("@") ? value : null;
}
