// Stands in for lib/auth/authorize in integration tests of server actions and admin route handlers: the
// caller is whoever the test puts in `caller.user`, and the real rules apply (signed in; admins only; a
// partner only with a business of their own). Use with
//   vi.mock("@/lib/auth/authorize", () => import("../../support/fake-authorize"));
import type { CurrentUser } from "@/lib/auth/current-user";
import type { TenantUser } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors";

export const caller: { user: CurrentUser | null } = { user: null };

export async function authorizeUser(): Promise<CurrentUser> {
  if (!caller.user) throw new AppError("unauthenticated");
  return caller.user;
}

export async function authorizeAdmin(): Promise<CurrentUser> {
  const user = await authorizeUser();
  if (user.role !== "ADMIN") throw new AppError("not_found");
  return user;
}

export async function authorizeTenant(): Promise<TenantUser> {
  const user = await authorizeUser();
  if (!user.tenantId) throw new AppError("not_found");
  return { ...user, tenantId: user.tenantId };
}
