import "server-only";
// Opening a connect link: the first visit claims it (one conditional update, so two tabs or a replayed
// URL cannot both win) and gives that browser a session cookie whose hash is stored on the link. From then
// on the link acts only for that browser, that tenant, that region and that flow.
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { hashToken, randomToken } from "@/lib/oauth/state-token";
import { CONNECT_LINK_SESSION_MINUTES } from "./connect-link-url";

export type LinkOpenFailure = "link_unknown" | "link_expired" | "link_used";

export type OpenedLink = { ok: true; sessionToken: string; sessionExpiresAt: Date } | { ok: false; failure: LinkOpenFailure };

export async function openConnectLink(token: string, now = new Date()): Promise<OpenedLink> {
  const tokenHash = hashToken(token);
  const link = await db.connectLink.findUnique({ where: { tokenHash }, select: { id: true, tenantId: true, openedAt: true, expiresAt: true } });
  if (!link) return { ok: false, failure: "link_unknown" };
  if (link.openedAt) return { ok: false, failure: "link_used" };
  if (link.expiresAt <= now) return { ok: false, failure: "link_expired" };
  const sessionToken = randomToken();
  const sessionExpiresAt = new Date(now.getTime() + CONNECT_LINK_SESSION_MINUTES * 60_000);
  const claimed = await db.connectLink.updateMany({
    where: { id: link.id, openedAt: null, expiresAt: { gt: now } },
    data: { openedAt: now, sessionHash: hashToken(sessionToken), sessionExpiresAt },
  });
  if (claimed.count !== 1) return { ok: false, failure: "link_used" };
  await recordAuditEvent({ action: "connect_link.opened", actorType: "PARTNER", tenantId: link.tenantId, details: { connectLinkId: link.id } });
  return { ok: true, sessionToken, sessionExpiresAt };
}
