import "server-only";
import { probeSeller, probeVendor } from "@/lib/amazon/connectivity";
import type { Region } from "@/lib/amazon/regions";
import { SpApiError } from "@/lib/amazon/spapi";
import { accountFingerprint, type AccountFingerprint } from "@/lib/authorizations/account-fingerprint";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { recordConnectivityResult } from "@/lib/authorizations/token-bookkeeping";
import { db } from "@/lib/db/client";
import { AppError, isAppError } from "@/lib/errors";
import type { ActorType, Authorization, PartnerKind } from "@/lib/generated/prisma/client";
import { refreshAuthorizationAccessToken } from "@/lib/tokens/refresh-access-token";
import { monitorCall } from "@/lib/monitoring/record-latchkey-call";

export type ConnectivityFailure = "revoked" | "access_denied" | "amazon_unavailable" | "amazon_unexpected_response" | "app_client_rejected" | "not_connected";

export type ConnectivityResult =
  | { ok: true; operation: string; marketplaceIds: string[]; fingerprint: AccountFingerprint }
  | { ok: false; failure: ConnectivityFailure; message: string };

const FAILURE_MESSAGES: Record<ConnectivityFailure, string> = {
  revoked: "Amazon no longer accepts this authorization. Connect the account again.",
  access_denied: "Amazon refused the test call. The app may lack a role for it, or (for vendors) the vendor group link may be broken.",
  amazon_unavailable: "Amazon did not answer the test call. Nothing changed; try again in a few minutes.",
  amazon_unexpected_response: "Amazon answered the test call in a shape Latchkey does not recognise, so the test did not pass and nothing stored was changed. Try again in a few minutes.",
  app_client_rejected: "Amazon rejected this app's credentials. An administrator has been alerted.",
  not_connected: "This connection has no active authorization to test.",
};

interface Subject extends Pick<Authorization, "id" | "tenantId" | "region" | "status" | "refreshTokenCiphertext"> {
  tenant: { kind: PartnerKind };
}

interface RecordOptions {
  actorType: ActorType;
  actorId?: string | null;
  requestId?: string | null;
}

/**
 * The connectivity test of the reference design: one cheap SP-API call with the partner's token
 * (sellers: marketplace participations, recorded; vendors: purchase orders). Recorded on the
 * authorization and in the audit log. `accessToken` skips the refresh when the caller just obtained one.
 */
export async function testConnectivity(authorization: Subject, options: RecordOptions & { accessToken?: string }): Promise<ConnectivityResult> {
  const result = await runProbe(authorization, options.accessToken);
  await recordConnectivity(authorization, result, options);
  return result;
}

/** Records a test call's result on the authorization (sellers: the marketplaces it read) and in the audit log. */
export async function recordConnectivity(authorization: Pick<Subject, "id" | "tenantId" | "tenant">, result: ConnectivityResult, options: RecordOptions): Promise<void> {
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
}

async function runProbe(authorization: Subject, suppliedToken: string | undefined): Promise<ConnectivityResult> {
  try {
    const accessToken = suppliedToken ?? (await refreshAuthorizationAccessToken(authorization)).accessToken;
    return await probeConnection(authorization, accessToken);
  } catch (error) {
    return failed(error);
  }
}

/**
 * The test call alone, with a token in hand and nothing recorded but the call's outcome (monitoring):
 * what the token can read in `region` (the authorization's own by default), as an account fingerprint.
 */
export async function probeConnection(subject: Pick<Subject, "id" | "region" | "tenant">, accessToken: string, region: Region = subject.region, options: { monitored?: boolean } = {}): Promise<ConnectivityResult> {
  const kind = subject.tenant.kind;
  const operation = kind === "SELLER" ? "getMarketplaceParticipations" : "getPurchaseOrders";
  const call = () => (kind === "SELLER" ? probeSeller(region, accessToken) : probeVendor(region, accessToken));
  try {
    const probe = options.monitored === false ? await call() : await monitorCall(subject.id, operation, call);
    return { ok: true, operation: probe.operation, marketplaceIds: probe.marketplaceIds, fingerprint: accountFingerprint(probe) };
  } catch (error) {
    return failed(error);
  }
}

function failed(error: unknown): ConnectivityResult {
  const failure = classify(error);
  return { ok: false, failure, message: FAILURE_MESSAGES[failure] };
}

function classify(error: unknown): ConnectivityFailure {
  if (error instanceof SpApiError) return error.unexpected ? "amazon_unexpected_response" : error.transient ? "amazon_unavailable" : "access_denied";
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
