import "server-only";
import { readServerEnv } from "@/lib/env";

/** An absolute link into the portal (APP_URL-based), for emails. */
export function appLink(path: string): string {
  return new URL(path, readServerEnv().APP_URL).toString();
}
