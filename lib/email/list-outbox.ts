import "server-only";
import { db } from "@/lib/db/client";
import type { EmailStatus } from "@/lib/generated/prisma/client";

export interface OutboxListItem {
  id: string;
  to: string;
  subject: string;
  template: string;
  status: EmailStatus;
  provider: string;
  createdAt: Date;
  sentAt: Date | null;
  attempts: number;
  nextAttemptAt: Date | null;
  bouncedAt: Date | null;
  complainedAt: Date | null;
  deliveredAt: Date | null;
}

export const OUTBOX_PAGE_SIZE = 50;

/** The latest emails, newest first (the dev outbox and the admin outbox). Bodies are not loaded. */
export function listOutbox(options: { limit?: number } = {}): Promise<OutboxListItem[]> {
  const limit = Math.min(Math.max(options.limit ?? OUTBOX_PAGE_SIZE, 1), 200);
  return db.emailOutbox.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      to: true,
      subject: true,
      template: true,
      status: true,
      provider: true,
      createdAt: true,
      sentAt: true,
      attempts: true,
      nextAttemptAt: true,
      bouncedAt: true,
      complainedAt: true,
      deliveredAt: true,
    },
  });
}
