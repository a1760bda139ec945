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

/** A claim whose email was never written for this long: the process stopped between the claim and the send. */
const UNSENT_CLAIM_MS = 10 * 60_000;

/**
 * Claims a notice; true for the caller that got it, false when it was already handled. A notice counts as
 * handled only once its email reached the provider: when every email of an emailed notice (`emailKeys`, by
 * default the one `noticeEmailKey(key)`) failed for good, or was never written, it can be claimed again, so a
 * later run sends it. Two runs reclaiming at once are harmless: sendEmail's dedupe key lets one of them send.
 */
export async function claimNotice(key: NoticeKey & { tenantId?: string | null; emailed: boolean; emailKeys?: readonly string[] }, now: Date = new Date()): Promise<boolean> {
  const { emailKeys, ...notice } = key;
  try {
    await db.lifecycleNotice.create({ data: { kind: notice.kind, subjectId: notice.subjectId, cycle: notice.cycle, stage: notice.stage, tenantId: notice.tenantId ?? null, emailed: notice.emailed } });
    return true;
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
  }
  if (!notice.emailed) return false;
  const existing = await db.lifecycleNotice.findUnique({
    where: { kind_subjectId_cycle_stage: { kind: notice.kind, subjectId: notice.subjectId, cycle: notice.cycle, stage: notice.stage } },
    select: { emailed: true, createdAt: true },
  });
  if (!existing) return false;
  if (!existing.emailed) {
    // Handled without an email (the partner had opted out, or the address was bouncing); now one is wanted.
    const { count } = await db.lifecycleNotice.updateMany({
      where: { kind: notice.kind, subjectId: notice.subjectId, cycle: notice.cycle, stage: notice.stage, emailed: false },
      data: { emailed: true },
    });
    return count === 1;
  }
  const keys = emailKeys ?? [noticeEmailKey(notice)];
  const emails = await db.emailOutbox.findMany({ where: { dedupeKey: { in: [...keys] } }, select: { status: true } });
  if (emails.some((email) => email.status === "FAILED")) return true;
  return emails.length < keys.length && now.getTime() - existing.createdAt.getTime() > UNSENT_CLAIM_MS;
}

/**
 * How many stages of one cycle were handled (e.g. inactivity reminders sent in this spell): a stage counts when
 * its email was accepted by the provider, or when it was handled without one (the partner had opted out).
 */
export async function countNotices(key: Omit<NoticeKey, "stage">): Promise<number> {
  const notices = await db.lifecycleNotice.findMany({ where: key, select: { stage: true, emailed: true } });
  const emailed = notices.filter((n) => n.emailed).map((n) => noticeEmailKey({ ...key, stage: n.stage }));
  const accepted = emailed.length ? await db.emailOutbox.count({ where: { dedupeKey: { in: emailed }, status: "SENT" } }) : 0;
  return notices.length - emailed.length + accepted;
}

export async function hasNotice(key: NoticeKey): Promise<boolean> {
  return (await db.lifecycleNotice.count({ where: key })) > 0;
}

/** The dedupe key of the email that goes with a notice: the same claim, so the outbox agrees. */
export function noticeEmailKey(key: NoticeKey): string {
  return `${key.kind}:${key.subjectId}:${key.cycle}:${key.stage}`;
}
