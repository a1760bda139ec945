// Who is an admin: exactly the addresses in ADMIN_EMAILS (already lowercased by lib/env.ts). Everyone else
// who signs in is a partner. Evaluated on every session, so removing an address demotes at once.
import type { UserRole } from "@/lib/generated/prisma/enums";

export function normalizeEmail(email: string): string {
  return email.normalize("NFKC").trim().toLowerCase();
}

export function roleForEmail(email: string, adminEmails: readonly string[]): UserRole {
  return adminEmails.includes(normalizeEmail(email)) ? "ADMIN" : "PARTNER";
}
