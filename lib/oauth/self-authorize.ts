import "server-only";
import { z } from "zod";
import { probeSeller, probeVendor } from "@/lib/amazon/connectivity";
import { findMarketplace } from "@/lib/amazon/marketplaces";
import type { Region } from "@/lib/amazon/regions";
import { LwaError, refreshAccessToken } from "@/lib/amazon/lwa";
import { SpApiError } from "@/lib/amazon/spapi";
import { withClientCredentials } from "@/lib/app-client/client-credentials";
import { accountFingerprint, type AccountFingerprint } from "@/lib/authorizations/account-fingerprint";
import { transitionAuthorization } from "@/lib/authorizations/state-machine";
import { sealRefreshToken } from "@/lib/authorizations/store-refresh-token";
import { preflightConnection } from "@/lib/preflight/run-preflight";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { readLedger } from "@/lib/ledger/read-ledger";
import { createTenantByAdmin, createTenantInput } from "@/lib/tenants/create-tenant";
import { RENEWAL_PERIOD_MS } from "./complete-authorization";

export const selfAuthorizeInput = z.object({
  /** An existing tenant, or a new one created only once the token is verified. */
  tenantId: z.string().min(1).optional(),
  newTenant: createTenantInput.optional(),
  region: z.enum(["NA", "EU", "FE"]),
  refreshToken: z.string().trim().regex(/^Atzr\|\S{20,2040}$/, "Paste the whole refresh token; it starts with Atzr|"),
  sellingPartnerId: z.string().trim().max(128).optional().transform((v) => v || undefined),
});

export type SelfAuthorizeInput = z.input<typeof selfAuthorizeInput>;

export type SelfAuthorizeOutcome = { ok: true; tenantId: string; authorizationId: string; fingerprint: string } | { ok: false; code: "token_rejected" | "connectivity_failed" | "amazon_unavailable" | "amazon_unexpected_response" | "app_client_rejected" | "account_connected_elsewhere"; message: string };

/**
 * An admin pastes a refresh token from Seller Central's or Vendor Central's "Authorize app" page for
 * the company's own account. It is verified (one refresh + one connectivity call) before it is stored,
 * and afterwards only its fingerprint is ever shown.
 */
export async function selfAuthorize(raw: SelfAuthorizeInput, adminUserId: string): Promise<SelfAuthorizeOutcome> {
  const input = selfAuthorizeInput.parse(raw);
  const existing = input.tenantId ? await db.tenant.findUnique({ where: { id: input.tenantId }, select: { id: true, kind: true } }) : null;
  if (input.tenantId && !existing) throw new AppError("not_found");
  if (!existing && !input.newTenant) throw new AppError("invalid_input", "Choose a tenant or describe a new one.");
  const kind = existing?.kind ?? input.newTenant!.kind;
  const region = input.region as Region;

  if (input.sellingPartnerId) {
    const elsewhere = await db.authorization.findFirst({
      where: { region, sellingPartnerId: input.sellingPartnerId, status: { not: "REVOKED" }, ...(existing ? { tenantId: { not: existing.id } } : {}) },
      select: { id: true },
    });
    if (elsewhere) return { ok: false, code: "account_connected_elsewhere", message: "That selling account is already connected to another tenant." };
  }

  let accessToken: string;
  try {
    accessToken = (await withClientCredentials((credentials) => refreshAccessToken(credentials, input.refreshToken))).accessToken;
  } catch (error) {
    if (!(error instanceof LwaError)) throw error;
    if (error.kind === "client") return { ok: false, code: "app_client_rejected", message: "Amazon rejected this app's own credentials; check the client secret." };
    if (error.kind === "transient") return { ok: false, code: "amazon_unavailable", message: "Amazon did not answer; nothing was stored. Try again shortly." };
    return { ok: false, code: "token_rejected", message: "Amazon did not accept this refresh token. Copy it again from the Authorize app page; nothing was stored." };
  }
  let marketplaceIds: string[] = [];
  let fingerprint: AccountFingerprint;
  try {
    const probe = kind === "SELLER" ? await probeSeller(region, accessToken) : await probeVendor(region, accessToken);
    marketplaceIds = probe.marketplaceIds.filter((id) => findMarketplace(id)?.region === region);
    fingerprint = accountFingerprint(probe);
  } catch (error) {
    if (!(error instanceof SpApiError)) throw error;
    if (error.unexpected) return { ok: false, code: "amazon_unexpected_response", message: "The token refreshed, but Amazon answered the test call in a shape Latchkey does not recognise; nothing was stored. Try again shortly." };
    return error.transient
      ? { ok: false, code: "amazon_unavailable", message: "Amazon did not answer the test call; nothing was stored. Try again shortly." }
      : { ok: false, code: "connectivity_failed", message: `The token refreshed, but the test call was refused (${error.code}). Check the region and the account type; nothing was stored.` };
  }

  // Verified: only now does anything get written. The token is sealed outside the transaction (the vault
  // may create the tenant's data key, and PGlite has a single connection).
  const tenant = existing ?? (await createTenantByAdmin(input.newTenant!, adminUserId));
  const authorization = await db.authorization.upsert({
    where: { tenantId_region: { tenantId: tenant.id, region } },
    create: { tenantId: tenant.id, region, authType: "SELF" },
    update: {},
  });
  const sealed = await sealRefreshToken(tenant.id, authorization.id, input.refreshToken);
  const now = new Date();
  await transitionAuthorization({
    transition: "selfAuthorize",
    authorizationId: authorization.id,
    tenantId: tenant.id,
    actor: { actorType: "ADMIN", actorId: adminUserId },
    at: now,
    set: {
      ...sealed,
      authType: "SELF",
      sellingPartnerId: input.sellingPartnerId ?? authorization.sellingPartnerId,
      statusReason: null,
      roles: (await readLedger()).requestedRoles(kind),
      marketplaceIds,
      accountFingerprint: fingerprint as Prisma.InputJsonValue,
      authorizedAt: now,
      renewalDueAt: new Date(now.getTime() + RENEWAL_PERIOD_MS),
      lastRefreshAt: now,
      lastRefreshError: null,
      consecutiveFailures: 0,
      lastConnectivityAt: now,
      lastConnectivityOk: true,
      revokedAt: null,
      quarantinedAt: null,
    },
    details: () => ({ region, refreshTokenFingerprint: sealed.refreshTokenFingerprint, previousRefreshTokenFingerprint: authorization.refreshTokenFingerprint, verified: true }),
  });
  await preflightConnection({ authorizationId: authorization.id, actorType: "ADMIN", actorId: adminUserId, connected: { ok: true } });
  return { ok: true, tenantId: tenant.id, authorizationId: authorization.id, fingerprint: sealed.refreshTokenFingerprint };
}
