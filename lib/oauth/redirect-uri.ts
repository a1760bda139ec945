import { readServerEnv } from "@/lib/env";

/** The one redirect URI registered with Amazon for this installation. */
export function oauthRedirectUri(): string {
  return new URL("/api/oauth/callback", readServerEnv().APP_URL).toString();
}

/** The log-in URI registered with Amazon for the Appstore flow. */
export function appstoreLoginUri(): string {
  return new URL("/appstore/login", readServerEnv().APP_URL).toString();
}

export const BINDING_COOKIE = "lk_oauth_binding";
