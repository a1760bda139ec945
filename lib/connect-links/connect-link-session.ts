import "server-only";
import { cache } from "react";
import { db } from "@/lib/db/client";
import { hashToken } from "@/lib/oauth/state-token";

export interface ConnectLinkSession {
  id: string;
  tenantId: string;
  tenant: { name: string; kind: "SELLER" | "VENDOR" };
  region: "NA" | "EU" | "FE";
  marketplaceId: string;
  flow: "CONNECT" | "REAUTHORIZE";
}

/**
 * The connect link this browser opened, from its session cookie, while it may still start a flow: opened
 * by this browser, not finished, its session not expired. Null otherwise (a cookie from elsewhere, a
 * finished link, an old session). Read once per server render: the page and its language (i18n/request.ts)
 * share the answer.
 */
export const readConnectLinkSession = cache(async (cookie: string | undefined, now = new Date()): Promise<ConnectLinkSession | null> => {
  if (!cookie) return null;
  const link = await db.connectLink.findUnique({
    where: { sessionHash: hashToken(cookie) },
    select: { id: true, tenantId: true, region: true, marketplaceId: true, flow: true, completedAt: true, sessionExpiresAt: true, tenant: { select: { name: true, kind: true } } },
  });
  if (!link || link.completedAt || !link.sessionExpiresAt || link.sessionExpiresAt <= now) return null;
  return { id: link.id, tenantId: link.tenantId, tenant: link.tenant, region: link.region, marketplaceId: link.marketplaceId, flow: link.flow };
});

/** The link behind a session cookie for the OAuth callback (its own state TTL decides how late is too late). */
export async function connectLinkIdFromCookie(cookie: string | undefined): Promise<string | undefined> {
  if (!cookie) return undefined;
  const link = await db.connectLink.findUnique({ where: { sessionHash: hashToken(cookie) }, select: { id: true, completedAt: true } });
  return link && !link.completedAt ? link.id : undefined;
}
