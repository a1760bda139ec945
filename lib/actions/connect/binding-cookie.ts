import "server-only";
import { cookies } from "next/headers";
import { readServerEnv } from "@/lib/env";
import { BINDING_COOKIE } from "@/lib/oauth/redirect-uri";
import { randomToken } from "@/lib/oauth/state-token";

/** The browser-binding cookie: reused while it lives, so flows started in two tabs both stay valid. */
export async function bindingCookie(): Promise<string> {
  const jar = await cookies();
  const value = jar.get(BINDING_COOKIE)?.value ?? randomToken();
  jar.set(BINDING_COOKIE, value, {
    httpOnly: true,
    sameSite: "lax", // Amazon's redirect back is a top-level GET navigation: Lax cookies are sent
    secure: readServerEnv().APP_URL.startsWith("https:"),
    path: "/",
    maxAge: 60 * 60,
  });
  return value;
}
