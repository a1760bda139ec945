import "server-only";
import { readServerEnv } from "@/lib/env";

/** Who receives admin emails: exactly the admins (ADMIN_EMAILS). */
export function adminRecipients(): string[] {
  return readServerEnv().ADMIN_EMAILS;
}
