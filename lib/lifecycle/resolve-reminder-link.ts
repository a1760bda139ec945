import "server-only";
// Where a reminder email's one-click link lands, once the partner has signed in: the reauthorization
// (consent) page of that authorization. The authorization must belong to the signed-in partner's business;
// anyone else's is a 404, like every other tenant record.
import { marketplacesIn } from "@/lib/amazon/marketplaces";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { verifyReminderToken } from "./reminder-link";

export type ReminderLinkTarget = { ok: true; path: string } | { ok: false; reason: "invalid" | "expired" };

export async function resolveReminderLink(tenantId: string | null, token: string | undefined, now = new Date()): Promise<ReminderLinkTarget> {
  const check = verifyReminderToken(token, now);
  if (!check.ok) return check;
  const authorization = tenantId
    ? await db.authorization.findFirst({ where: { id: check.authorizationId, tenantId }, select: { id: true, region: true, status: true, marketplaceIds: true } })
    : null;
  if (!authorization) throw new AppError("not_found");
  if (authorization.status === "REVOKED" || authorization.status === "PENDING") return { ok: true, path: `/connect/connections/${authorization.id}` };
  const marketplaceId = authorization.marketplaceIds[0] ?? marketplacesIn(authorization.region)[0]!.id;
  return { ok: true, path: `/connect/consent?marketplace=${encodeURIComponent(marketplaceId)}&reason=renewal` };
}
