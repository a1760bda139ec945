import type { Region } from "./types.js";

/** Amazon's production SP-API hosts per region (AMAZON.md). Override them to reach the sandbox or a mock. */
export const DEFAULT_SPAPI_ENDPOINTS: Readonly<Record<Region, string>> = {
  NA: "https://sellingpartnerapi-na.amazon.com",
  EU: "https://sellingpartnerapi-eu.amazon.com",
  FE: "https://sellingpartnerapi-fe.amazon.com",
};

export function spApiUrl(base: string, path: string, query: Record<string, string | number | boolean | readonly string[] | undefined> = {}): string {
  const url = new URL(base.replace(/\/+$/, "") + (path.startsWith("/") ? path : `/${path}`));
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    url.searchParams.set(key, Array.isArray(value) ? value.join(",") : String(value));
  }
  return url.toString();
}
