import "server-only";
import { db } from "@/lib/db/client";

/** A tenant's latest connect links for its admin page (never a token: only hashes are stored). */
export async function listRecentConnectLinks(tenantId: string, take = 10) {
  const links = await db.connectLink.findMany({
    where: { tenantId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, createdAt: true, region: true, flow: true, expiresAt: true, openedAt: true, completedAt: true, outcome: true, returnUrl: true },
  });
  return links.map(({ returnUrl, ...link }) => ({ ...link, returnOrigin: returnUrl ? new URL(returnUrl).origin : null }));
}

export type RecentConnectLink = Awaited<ReturnType<typeof listRecentConnectLinks>>[number];

/** Where a link stands, in a few words. */
export function connectLinkState(link: Pick<RecentConnectLink, "expiresAt" | "openedAt" | "completedAt" | "outcome">, now = new Date()): string {
  if (link.completedAt) return `finished: ${link.outcome ?? "unknown"}`;
  if (link.openedAt) return "opened, not finished";
  return link.expiresAt <= now ? "expired unopened" : "not opened yet";
}
