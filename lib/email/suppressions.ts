import "server-only";
// Addresses Resend reported as bouncing or complaining (its webhooks, record-resend-event.ts). Reminders to
// them stop, and the tenant's rows say why, until the address changes or a later email to it is delivered.
import { db } from "@/lib/db/client";
import type { EmailSuppression } from "@/lib/generated/prisma/client";

export type SuppressionReason = "bounced" | "complained";

export function normalizeAddress(address: string): string {
  return address.trim().toLowerCase();
}

export function findSuppression(address: string): Promise<EmailSuppression | null> {
  return db.emailSuppression.findUnique({ where: { address: normalizeAddress(address) } });
}

/** The suppressions among `addresses`, by normalized address (one query for a page of rows). */
export async function findSuppressions(addresses: readonly string[]): Promise<Map<string, EmailSuppression>> {
  const wanted = [...new Set(addresses.map(normalizeAddress))];
  if (wanted.length === 0) return new Map();
  const rows = await db.emailSuppression.findMany({ where: { address: { in: wanted } } });
  return new Map(rows.map((row) => [row.address, row]));
}

/** The plain-words reason shown on the tenant's rows and with skipped reminders. */
export function describeSuppression(suppression: Pick<EmailSuppression, "reason" | "detail" | "createdAt">): string {
  const when = suppression.createdAt.toISOString().slice(0, 10);
  const what = suppression.reason === "complained" ? `was marked as spam by its reader on ${when}` : `bounced on ${when}`;
  return `Email to this address ${what}${suppression.detail ? ` (${suppression.detail})` : ""}: reminders to it are stopped until the contact email is changed or an email to it is delivered again.`;
}
