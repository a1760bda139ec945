import "server-only";
import { db } from "@/lib/db/client";
import type { EmailOutbox } from "@/lib/generated/prisma/client";

/** One recorded email with its rendered html and text, or null. */
export function getOutboxEmail(id: string): Promise<EmailOutbox | null> {
  return db.emailOutbox.findUnique({ where: { id } });
}
