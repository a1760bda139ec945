import "server-only";
// "Sent" records of the lifecycle workflows: a notice is claimed by inserting its row, and the unique key
// (kind, subject, cycle, stage) makes the claim atomic, so a retried, duplicated or concurrent run acts once.
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";

export type NoticeKind = "renewal" | "renewal_overdue" | "inactivity" | "revocation_proposed" | "charge_method" | "client_secret" | "digest";

export interface NoticeKey {
  kind: NoticeKind;
  subjectId: string;
  cycle: string;
  stage: string;
}

/** Claims a notice; true for the one caller that got it, false when it was already handled. */
export async function claimNotice(key: NoticeKey & { tenantId?: string | null; emailed: boolean }): Promise<boolean> {
  try {
    await db.lifecycleNotice.create({ data: { ...key, tenantId: key.tenantId ?? null } });
    return true;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return false;
    throw error;
  }
}

/** How many stages of one cycle were handled (e.g. inactivity reminders sent in this spell). */
export async function countNotices(key: Omit<NoticeKey, "stage">): Promise<number> {
  return db.lifecycleNotice.count({ where: key });
}

export async function hasNotice(key: NoticeKey): Promise<boolean> {
  return (await db.lifecycleNotice.count({ where: key })) > 0;
}

/** The dedupe key of the email that goes with a notice: the same claim, so the outbox agrees. */
export function noticeEmailKey(key: NoticeKey): string {
  return `${key.kind}:${key.subjectId}:${key.cycle}:${key.stage}`;
}
