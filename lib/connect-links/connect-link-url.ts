import { readServerEnv } from "@/lib/env";

/** Where a partner opens a connect link: the token is the last path segment (single use). */
export function connectLinkUrl(token: string): string {
  return new URL(`/connect/link/${token}`, readServerEnv().APP_URL).toString();
}

/** The cookie holding the browser session a connect link opened (its hash is on the link). */
export const CONNECT_LINK_COOKIE = "lk_connect_link";

/** How long the partner has, after opening a link, to finish at Amazon. */
export const CONNECT_LINK_SESSION_MINUTES = 60;
