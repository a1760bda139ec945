import "server-only";
import { z } from "zod";
import { findMarketplaceBySellerCentralHost, isVendorCentralHost, MARKETPLACES, type Marketplace } from "@/lib/amazon/marketplaces";
import { getAppClient } from "@/lib/app-client/get-app-client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { readServerEnv } from "@/lib/env";
import type { CallbackFailure } from "./callback-failures";
import { createOAuthState } from "./oauth-state";
import { oauthRedirectUri } from "./redirect-uri";
import { flowFor } from "./start-website-authorization";

/** What Amazon appends to our log-in URI when a seller clicks "Authorize now" in the Appstore. */
export const appstoreParams = z.object({
  amazon_callback_uri: z.string().min(1).max(2048),
  amazon_state: z.string().min(1).max(2048),
  selling_partner_id: z.string().min(1).max(128).optional(),
  version: z.string().max(16).optional(),
});

export type AppstoreParams = z.infer<typeof appstoreParams>;

export type CallbackTarget = { ok: true; url: URL; marketplace: Marketplace } | { ok: false; failure: Extract<CallbackFailure, "appstore_link_invalid" | "vendor_appstore"> };

/**
 * `amazon_callback_uri` decides where we send the seller next, so it must be Amazon's Seller Central
 * (or the configured stand-in for it), over HTTPS: anything else would make us an open redirect. The
 * allowed hosts are exactly the marketplaces' Seller Central hosts (lib/amazon/marketplaces.ts); no
 * userinfo, and any port but HTTPS's own makes a different host.
 */
export function checkAmazonCallbackUri(value: string): CallbackTarget {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, failure: "appstore_link_invalid" };
  }
  if (url.username || url.password) return { ok: false, failure: "appstore_link_invalid" };
  const override = readServerEnv().amazon.sellerCentralOverride;
  if (override) {
    const base = new URL(override.replace(/\/$/, ""));
    if (url.origin === base.origin && url.pathname.startsWith(`${base.pathname}/`)) {
      const site = url.pathname.slice(base.pathname.length + 1).split("/")[0];
      const marketplace = MARKETPLACES.find((m) => m.site === site);
      return marketplace ? { ok: true, url, marketplace } : { ok: false, failure: "appstore_link_invalid" };
    }
  }
  if (url.protocol !== "https:") return { ok: false, failure: "appstore_link_invalid" };
  if (isVendorCentralHost(url.host)) return { ok: false, failure: "vendor_appstore" };
  const marketplace = findMarketplaceBySellerCentralHost(url.host);
  return marketplace ? { ok: true, url, marketplace } : { ok: false, failure: "appstore_link_invalid" };
}

/**
 * Step 2 of the Appstore flow: the seller is signed in to Latchkey; send them back to Amazon with
 * Amazon's `amazon_state`, our own single-use `state`, and `version=beta` while the app is a draft.
 */
export async function continueAppstoreAuthorization(input: {
  userId: string;
  tenantId: string;
  params: AppstoreParams;
  bindingCookie: string;
}): Promise<{ ok: true; redirectUrl: string } | { ok: false; failure: CallbackFailure }> {
  const tenant = await db.tenant.findUnique({ where: { id: input.tenantId }, select: { id: true, kind: true } });
  if (!tenant) return { ok: false, failure: "appstore_link_invalid" };
  if (tenant.kind === "VENDOR") return { ok: false, failure: "vendor_appstore" };
  const target = checkAmazonCallbackUri(input.params.amazon_callback_uri);
  if (!target.ok) return target;
  const appClient = await getAppClient();
  const redirectUri = oauthRedirectUri();
  const region = target.marketplace.region;

  const state = await db.$transaction(async (tx) => {
    const existing = await tx.authorization.findUnique({ where: { tenantId_region: { tenantId: tenant.id, region } } });
    const authorization = existing ?? (await tx.authorization.create({ data: { tenantId: tenant.id, region, authType: "APPSTORE" } }));
    const flow = flowFor(existing) === "REAUTHORIZE" ? "REAUTHORIZE" : "APPSTORE";
    const created = await createOAuthState(
      { flow, tenantId: tenant.id, userId: input.userId, region, marketplaceId: target.marketplace.id, authorizationId: authorization.id, redirectUri, reason: flow === "REAUTHORIZE" ? "appstore" : null },
      input.bindingCookie,
      tx,
    );
    await recordAuditEvent(
      { action: "authorization.flow_started", actorType: "PARTNER", actorId: input.userId, tenantId: tenant.id, authorizationId: authorization.id, details: { flow, via: "appstore", sellingPartnerId: input.params.selling_partner_id ?? null } },
      tx,
    );
    return created;
  });

  const url = new URL(target.url);
  url.searchParams.set("amazon_state", input.params.amazon_state);
  url.searchParams.set("state", state);
  url.searchParams.set("redirect_uri", redirectUri);
  if (appClient.status === "DRAFT") url.searchParams.set("version", "beta");
  return { ok: true, redirectUrl: url.toString() };
}
