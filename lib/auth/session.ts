import "server-only";
// Who is asking, for pages and handlers. The session lives in the database; the role is re-evaluated
// against ADMIN_EMAILS every time it is resolved (see auth-config.ts), so a removed admin is demoted at once.
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "@/auth";
import { signInPath } from "./callback-url";
import { currentUserSchema, type CurrentUser } from "./current-user";

export type { CurrentUser } from "./current-user";
export { signInPath } from "./callback-url";

/**
 * A request header a proxy may set to the path being requested, so `requireUser()` can send people back to
 * where they were without each page passing its own path. Untrusted: it goes through the same
 * same-origin check as any callbackUrl.
 */
export const PATHNAME_HEADER = "x-pathname";

/** The signed-in user, or null. Resolved once per request. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  const parsed = currentUserSchema.safeParse(session?.user);
  return parsed.success ? parsed.data : null;
});

async function currentPath(returnTo: string | undefined): Promise<string> {
  if (returnTo) return returnTo;
  return (await headers()).get(PATHNAME_HEADER) ?? "/";
}

/**
 * The signed-in user; anyone else is sent to the sign-in page and, after signing in, back to `returnTo`
 * (the page's own path; defaults to the proxy's x-pathname header, else "/").
 */
export async function requireUser(returnTo?: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(signInPath(await currentPath(returnTo)));
  return user;
}

/** An admin. A signed-in non-admin gets the ordinary 404 page: admin pages do not exist for them. */
export async function requireAdmin(returnTo?: string): Promise<CurrentUser> {
  const user = await requireUser(returnTo);
  if (user.role !== "ADMIN") notFound();
  return user;
}

/** Any signed-in user, as a partner: `tenantId` is null until onboarding links them to a tenant. */
export async function requirePartner(returnTo?: string): Promise<CurrentUser> {
  return requireUser(returnTo);
}
