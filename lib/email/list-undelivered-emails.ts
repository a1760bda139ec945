import "server-only";
// Emails that did not reach their reader, for admins (/admin/outbox and the daily digest): failed for good
// (refused, or every attempt failed), bounced, or reported as spam; each with the partner it was written to
// and the reason in plain words.
import { db } from "@/lib/db/client";

export type UndeliveredKind = "failed" | "bounced" | "complained";

export interface UndeliveredEmail {
  id: string;
  kind: UndeliveredKind;
  to: string;
  subject: string;
  template: string;
  tenantId: string | null;
  /** The partner's business name, or null for an admin email (or a tenant since deleted). */
  tenantName: string | null;
  reason: string;
  attempts: number;
  at: Date;
}

function kindOf(row: { status: string; bouncedAt: Date | null; complainedAt: Date | null }): UndeliveredKind {
  if (row.bouncedAt) return "bounced";
  if (row.complainedAt) return "complained";
  return "failed";
}

function reasonOf(kind: UndeliveredKind, row: { error: string | null; deliveryDetail: string | null }): string {
  if (kind === "bounced") return `The receiving server bounced it${row.deliveryDetail ? `: ${row.deliveryDetail}` : "."}`;
  if (kind === "complained") return "Its reader marked it as spam.";
  return row.error ?? "Not accepted by the email provider.";
}

/** Undelivered emails since `since` (or within the last `withinDays`), newest first. */
export async function listUndeliveredEmails({ since: from, withinDays = 7, limit = 50 }: { since?: Date; withinDays?: number; limit?: number }): Promise<UndeliveredEmail[]> {
  const since = from ?? new Date(Date.now() - withinDays * 86_400_000);
  const rows = await db.emailOutbox.findMany({
    where: { OR: [{ status: "FAILED", createdAt: { gte: since } }, { bouncedAt: { gte: since } }, { complainedAt: { gte: since } }] },
    select: { id: true, to: true, subject: true, template: true, tenantId: true, status: true, error: true, attempts: true, createdAt: true, bouncedAt: true, complainedAt: true, deliveryDetail: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(limit, 1), 200),
  });
  const tenantIds = [...new Set(rows.map((r) => r.tenantId).filter((id): id is string => id !== null))];
  const tenants = tenantIds.length ? await db.tenant.findMany({ where: { id: { in: tenantIds } }, select: { id: true, name: true } }) : [];
  const names = new Map(tenants.map((t) => [t.id, t.name]));
  return rows.map((row) => {
    const kind = kindOf(row);
    return {
      id: row.id,
      kind,
      to: row.to,
      subject: row.subject,
      template: row.template,
      tenantId: row.tenantId,
      tenantName: row.tenantId ? (names.get(row.tenantId) ?? null) : null,
      reason: reasonOf(kind, row),
      attempts: row.attempts,
      at: row.bouncedAt ?? row.complainedAt ?? row.createdAt,
    };
  });
}
