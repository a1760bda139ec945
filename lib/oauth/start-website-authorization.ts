import "server-only";
import { buildConsentUrl } from "@/lib/amazon/consent-url";
import { findMarketplace } from "@/lib/amazon/marketplaces";
import { getAppClient } from "@/lib/app-client/get-app-client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { readServerEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { Authorization, OAuthFlow } from "@/lib/generated/prisma/client";
import { createOAuthState } from "./oauth-state";
import { oauthRedirectUri } from "./redirect-uri";

export interface StartAuthorizationInput {
  /** The signed-in partner; null when a connect link started the flow (then `connectLinkId` is set). */
  userId: string | null;
  /** The connect link whose browser session this flow belongs to (its state is bound to that link). */
  connectLinkId?: string;
  /** A connect link was made for one flow: a tenant whose connection changed since is refused (409). */
  expectReauthorization?: boolean;
  tenantId: string;
  marketplaceId: string;
  /** Why a connected account is authorized again, e.g. "renewal" or "role_change". */
  reason?: string;
  bindingCookie: string;
}

/** Whether a flow on this authorization connects it for the first time or reauthorizes it. */
export function flowFor(existing: Pick<Authorization, "status"> | null): OAuthFlow {
  return existing && ["ACTIVE", "REAUTH_REQUIRED", "QUARANTINED"].includes(existing.status) ? "REAUTHORIZE" : "WEBSITE";
}

/**
 * Starts the website authorization flow for one marketplace's region: ensures the tenant's
 * authorization row for that region, records a single-use state bound to this browser and user, and
 * returns the consent URL of the marketplace's Seller Central or Vendor Central.
 */
export async function startWebsiteAuthorization(input: StartAuthorizationInput): Promise<{ consentUrl: string; authorizationId: string }> {
  const marketplace = findMarketplace(input.marketplaceId);
  if (!marketplace) throw new AppError("invalid_input", "Choose a marketplace from the list.");
  const tenant = await db.tenant.findUnique({ where: { id: input.tenantId }, select: { id: true, kind: true } });
  if (!tenant) throw new AppError("not_found");
  const appClient = await getAppClient();
  const redirectUri = oauthRedirectUri();

  const { state, authorizationId } = await db.$transaction(async (tx) => {
    const existing = await tx.authorization.findUnique({ where: { tenantId_region: { tenantId: tenant.id, region: marketplace.region } } });
    const authorization = existing ?? (await tx.authorization.create({ data: { tenantId: tenant.id, region: marketplace.region, authType: "WEBSITE" } }));
    const flow = flowFor(existing);
    if (input.expectReauthorization !== undefined && input.expectReauthorization !== (flow === "REAUTHORIZE")) {
      throw new AppError(input.expectReauthorization ? "not_connected" : "already_connected");
    }
    const state = await createOAuthState(
      {
        flow,
        tenantId: tenant.id,
        userId: input.userId,
        connectLinkId: input.connectLinkId ?? null,
        region: marketplace.region,
        marketplaceId: marketplace.id,
        authorizationId: authorization.id,
        redirectUri,
        reason: flow === "REAUTHORIZE" ? (input.reason ?? "partner_request") : null,
      },
      input.bindingCookie,
      tx,
    );
    await recordAuditEvent(
      { action: "authorization.flow_started", actorType: "PARTNER", actorId: input.userId, tenantId: tenant.id, authorizationId: authorization.id, details: { flow, marketplaceId: marketplace.id, reason: input.reason ?? null, ...(input.connectLinkId ? { connectLinkId: input.connectLinkId } : {}) } },
      tx,
    );
    return { state, authorizationId: authorization.id };
  });

  const env = readServerEnv();
  const consentUrl = buildConsentUrl({
    partnerKind: tenant.kind,
    marketplaceId: marketplace.id,
    applicationId: appClient.applicationId,
    state,
    draft: appClient.status === "DRAFT",
    redirectUri,
    sellerCentralOverride: env.amazon.sellerCentralOverride,
    vendorCentralOverride: env.amazon.vendorCentralOverride,
  });
  return { consentUrl, authorizationId };
}
