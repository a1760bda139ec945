import "server-only";
import { AppError } from "@/lib/errors";
import { startWebsiteAuthorization } from "@/lib/oauth/start-website-authorization";
import { readConnectLinkSession } from "./connect-link-session";

/**
 * "Continue to Amazon" from a connect link's consent page: the tenant, region, marketplace and flow all
 * come from the link this browser opened (nothing from the form), and the state is bound to this browser
 * and this link. A browser without the link's session gets 404.
 */
export async function startLinkAuthorization(sessionCookie: string | undefined, bindingCookie: string): Promise<{ consentUrl: string }> {
  const link = await readConnectLinkSession(sessionCookie);
  if (!link) throw new AppError("not_found", "This connect link is no longer valid. Ask for a new one.");
  const { consentUrl } = await startWebsiteAuthorization({
    userId: null,
    connectLinkId: link.id,
    tenantId: link.tenantId,
    marketplaceId: link.marketplaceId,
    expectReauthorization: link.flow === "REAUTHORIZE",
    reason: link.flow === "REAUTHORIZE" ? "partner_request" : undefined,
    bindingCookie,
  });
  return { consentUrl };
}
