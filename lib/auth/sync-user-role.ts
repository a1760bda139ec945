import "server-only";
import { db } from "@/lib/db/client";
import { readServerEnv } from "@/lib/env";
import type { UserRole } from "@/lib/generated/prisma/client";
import { roleForEmail } from "./roles";

/**
 * The user's role under the current ADMIN_EMAILS, written back to `User.role` when it changed (the stored
 * role is for reference and queries; the allowlist decides). `storedRole` saves a read when known.
 */
export async function syncUserRole(user: { id: string; email: string; storedRole?: UserRole }): Promise<UserRole> {
  const role = roleForEmail(user.email, readServerEnv().ADMIN_EMAILS);
  const stored = user.storedRole ?? (await db.user.findUnique({ where: { id: user.id }, select: { role: true } }))?.role;
  if (stored !== undefined && stored !== role) {
    await db.user.update({ where: { id: user.id }, data: { role } });
  }
  return role;
}
