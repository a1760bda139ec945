import "server-only";
import { probeSeller, probeVendor } from "@/lib/amazon/connectivity";
import { SpApiError } from "@/lib/amazon/spapi";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { recordConnectivityResult } from "@/lib/authorizations/token-bookkeeping";
import { db } from "@/lib/db/client";
import { AppError, isAppError } from "@/lib/errors";
import type { ActorType, Authorization, PartnerKind } from "@/lib/generated/prisma/client";
import { refreshAuthorizationAccessToken } from "@/lib/tokens/refresh-access-token";
import { monitorCall } from "@/lib/monitoring/record-latchkey-call";

export type ConnectivityFailure = "revoked" | "access_denied" | "amazon_unavailable" | "app_client_rejected" | "not_connected";

export type ConnectivityResult =
  | { ok: true; operation: string; marketplaceIds: string[] }
  | { ok: false; failure: ConnectivityFailure; message: string };

const FAILURE_MESSAGES: Record<ConnectivityFailure, string> = {
  revoked: "Amazon no longer accepts this authorization. Connect the account again.",
  access_denied: "Amazon refused the test call. The app may lack a role for it, or (for vendors) the vendor group link may be broken.",
  amazon_unavailable: "Amazon did not answer the test call. Nothing changed; try again in a few minutes.",
  app_client_rejected: "Amazon rejected this app's credentials. An administrator has been alerted.",
  not_connected: "This connection has no active authorization to test.",
};

interface Subject extends Pick<Authorization, "id" | "tenantId" | "region" | "status" | "refreshTokenCiphertext"> {
  tenant: { kind: PartnerKind };
}

/**
 * The connectivity test of the reference design: one cheap SP-API call with the partner's token
 * (sellers: marketplace participations, recorded; vendors: purchase orders). Recorded on the
 * authorization and in the audit log. `accessToken` skips the refresh when the caller just obtained one.
 */
export async function testConnectivity(
  authorization: Subject,
  options: { accessToken?: string; actorType: ActorType; actorId?: string | null; requestId?: string | null },
): Promise<ConnectivityResult> {
  const result = await runProbe(authorization, options.accessToken);
  await recordConnectivityResult(authorization, { at: new Date(), ok: result.ok, ...(result.ok && authorization.tenant.kind === "SELLER" ? { marketplaceIds: result.marketplaceIds } : {}) });
  await recordAuditEvent({
    action: "authorization.connectivity_tested",
    actorType: options.actorType,
    actorId: options.actorId ?? null,
    tenantId: authorization.tenantId,
    authorizationId: authorization.id,
    details: result.ok ? { ok: true, operation: result.operation, marketplaceIds: result.marketplaceIds } : { ok: false, failure: result.failure },
    requestId: options.requestId ?? null,
  });
  return result;
}

async function runProbe(authorization: Subject, suppliedToken: string | undefined): Promise<ConnectivityResult> {
  try {
    const accessToken = suppliedToken ?? (await refreshAuthorizationAccessToken(authorization)).accessToken;
    const probe = authorization.tenant.kind === "SELLER"
      ? await monitorCall(authorization.id, "getMarketplaceParticipations", () => probeSeller(authorization.region, accessToken))
      : await monitorCall(authorization.id, "getPurchaseOrders", () => probeVendor(authorization.region, accessToken));
    return { ok: true, operation: probe.operation, marketplaceIds: probe.marketplaceIds };
  } catch (error) {
    const failure = classify(error);
    return { ok: false, failure, message: FAILURE_MESSAGES[failure] };
  }
}

function classify(error: unknown): ConnectivityFailure {
  if (error instanceof SpApiError) return error.transient ? "amazon_unavailable" : "access_denied";
  if (isAppError(error)) {
    if (error.code === "authorization_revoked") return "revoked";
    if (error.code === "app_client_rejected") return "app_client_rejected";
    if (error.code === "amazon_unavailable") return "amazon_unavailable";
    if (["authorization_pending", "reauthorization_required", "tenant_quarantined"].includes(error.code)) return "not_connected";
  }
  throw error instanceof Error ? error : new AppError("internal");
}

/** Tests one connection of one tenant (another tenant's id is a 404). */
export async function testTenantConnection(input: { tenantId?: string; authorizationId: string; actorType: ActorType; actorId: string; requestId?: string }): Promise<ConnectivityResult> {
  const authorization = await db.authorization.findFirst({
    where: { id: input.authorizationId, ...(input.tenantId ? { tenantId: input.tenantId } : {}) },
    include: { tenant: { select: { kind: true } } },
  });
  if (!authorization) throw new AppError("not_found");
  return testConnectivity(authorization, { actorType: input.actorType, actorId: input.actorId, requestId: input.requestId });
}
