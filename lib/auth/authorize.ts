import "server-only";
// The checks behind the route and action guards, as AppErrors: 401 `unauthenticated` without a session,
// 404 `not_found` when the caller's role or tenant does not fit (outsiders must not learn what exists).
import { AppError } from "@/lib/errors";
import type { CurrentUser } from "./current-user";
import { getCurrentUser } from "./session";

export type TenantUser = CurrentUser & { tenantId: string };

export async function authorizeUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("unauthenticated");
  return user;
}

export async function authorizeAdmin(): Promise<CurrentUser> {
  const user = await authorizeUser();
  if (user.role !== "ADMIN") throw new AppError("not_found");
  return user;
}

/** A user linked to a tenant. The tenant id comes from the session, never from the request. */
export async function authorizeTenant(): Promise<TenantUser> {
  const user = await authorizeUser();
  if (!user.tenantId) throw new AppError("not_found");
  return { ...user, tenantId: user.tenantId };
}
