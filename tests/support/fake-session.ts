// Stands in for lib/auth/session in integration tests of server actions and admin route handlers: the
// signed-in user is whoever the test puts in `caller.user`, and the real rules of lib/auth/authorize apply
// (signed in; admins only; a partner only with a business of their own). Use with
//   vi.mock("@/lib/auth/session", () => import("../../support/fake-session"));
import type { CurrentUser } from "@/lib/auth/current-user";

export const caller: { user: CurrentUser | null } = { user: null };

export async function getCurrentUser(): Promise<CurrentUser | null> {
  return caller.user;
}
