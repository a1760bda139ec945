import "server-only";
// After Amazon's redirect for a connect link's flow: record how it ended (once) and send the partner to
// the link's returnUrl with `authorizationId` and `outcome`, or to Latchkey's own result page.
import { db } from "@/lib/db/client";
import type { CallbackOutcome } from "@/lib/oauth/complete-authorization";

export function linkOutcomeCode(outcome: CallbackOutcome): string {
  if (!outcome.ok) return outcome.failure;
  return outcome.underReview ? "under_review" : outcome.reauthorized ? "reauthorized" : "connected";
}

/** The path or URL to redirect to. */
export async function finishConnectLink(connectLinkId: string, outcome: CallbackOutcome, now = new Date()): Promise<string> {
  const code = linkOutcomeCode(outcome);
  const authorizationId = outcome.authorizationId ?? null;
  await db.connectLink.updateMany({ where: { id: connectLinkId, completedAt: null }, data: { completedAt: now, outcome: code, authorizationId } });
  const link = await db.connectLink.findUnique({ where: { id: connectLinkId }, select: { returnUrl: true } });
  const query = new URLSearchParams({ ...(authorizationId ? { authorizationId } : {}), outcome: code });
  if (link?.returnUrl) {
    const target = new URL(link.returnUrl);
    for (const [name, value] of query) target.searchParams.set(name, value);
    return target.toString();
  }
  if (!outcome.ok && outcome.regions) {
    query.set("account", outcome.regions.account);
    query.set("started", outcome.regions.started);
  }
  return `/connect/link/done?${query.toString()}`;
}
