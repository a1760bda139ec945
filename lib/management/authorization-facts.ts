import "server-only";
// The management API's view of authorizations: the same select and the same detail as the admin pages
// (lib/dashboard/get-authorization-detail.ts), shaped as JSON. Never a token or ciphertext.
import type { ApiCaller } from "@/lib/api-keys/authenticate-api-key";
import { listOpenIdentityConflicts } from "@/lib/authorizations/identity-conflicts";
import { AUTHORIZATION_FACTS_SELECT, getAuthorizationDetail } from "@/lib/dashboard/get-authorization-detail";
import { db } from "@/lib/db/client";
import { assertCallerAllowsTenant } from "@/lib/api-keys/caller-allows-tenant";
import type { Prisma } from "@/lib/generated/prisma/client";
import { afterKeyset, decodeCursor, KEYSET_ORDER, pageOf } from "./cursor";
import type { AuthorizationDetailResponse, AuthorizationSummary, ListAuthorizationsQuery } from "./schemas";

type Caller = Pick<ApiCaller, "tenantIds">;

type AuthorizationFacts = Prisma.AuthorizationGetPayload<{ select: typeof AUTHORIZATION_FACTS_SELECT }>;

const iso = (value: Date | null) => value?.toISOString() ?? null;

export function toAuthorizationSummary(a: AuthorizationFacts): AuthorizationSummary {
  return {
    id: a.id,
    tenantId: a.tenantId,
    tenantExternalId: a.tenant.externalId,
    region: a.region,
    sellingPartnerId: a.sellingPartnerId,
    authType: a.authType,
    status: a.status,
    statusReason: a.statusReason,
    refreshTokenFingerprint: a.refreshTokenFingerprint,
    roles: a.roles,
    marketplaceIds: a.marketplaceIds,
    authorizedAt: iso(a.authorizedAt),
    renewalDueAt: iso(a.renewalDueAt),
    lastUsedAt: iso(a.lastUsedAt),
    lastRefreshAt: iso(a.lastRefreshAt),
    lastRefreshError: a.lastRefreshError,
    consecutiveFailures: a.consecutiveFailures,
    refreshCooldownUntil: iso(a.refreshCooldownUntil),
    lastConnectivityAt: iso(a.lastConnectivityAt),
    lastConnectivityOk: a.lastConnectivityOk,
    inactiveSince: iso(a.inactiveSince),
    revokedAt: iso(a.revokedAt),
    quarantinedAt: iso(a.quarantinedAt),
    createdAt: a.createdAt.toISOString(),
  };
}

export async function listAuthorizationsForCaller(caller: Caller, query: ListAuthorizationsQuery): Promise<{ data: AuthorizationSummary[]; nextCursor: string | null }> {
  const after = decodeCursor(query.cursor);
  const rows = await db.authorization.findMany({
    where: {
      AND: [
        caller.tenantIds.length ? { tenantId: { in: caller.tenantIds } } : {},
        query.tenantId ? { tenantId: query.tenantId } : {},
        query.externalId ? { tenant: { externalId: query.externalId } } : {},
        query.sellingPartnerId ? { sellingPartnerId: query.sellingPartnerId } : {},
        query.region ? { region: query.region } : {},
        query.status ? { status: query.status } : {},
        afterKeyset(after),
      ],
    },
    orderBy: KEYSET_ORDER,
    take: query.limit + 1,
    select: AUTHORIZATION_FACTS_SELECT,
  });
  const page = pageOf(rows, query.limit);
  return { data: page.rows.map(toAuthorizationSummary), nextCursor: page.nextCursor };
}

export async function getAuthorizationForCaller(caller: Caller, id: string, now = new Date()): Promise<AuthorizationDetailResponse> {
  const detail = await getAuthorizationDetail(id, now, { assertTenant: (tenantId) => assertCallerAllowsTenant(caller, tenantId) });
  const conflicts = await listOpenIdentityConflicts({ authorizationIds: [id] });
  const { tenant, token, ledger, extraRoles, vendorLinkage, outcomes, timeline } = detail;
  return {
    ...toAuthorizationSummary(detail.authorization),
    tenant: { id: tenant.id, externalId: tenant.externalId, name: tenant.name, kind: tenant.kind, quarantinedAt: iso(tenant.quarantinedAt) },
    token: { cached: token.cached, expiresAt: iso(token.expiresAt), refreshedAt: iso(token.refreshedAt), fresh: token.fresh },
    ledger: ledger.map(({ entry, covered }) => ({ operation: entry.operation, method: entry.method, path: entry.path, purpose: entry.purpose, roles: [...entry.roles], restricted: entry.restricted, covered })),
    extraRoles,
    vendorLinkage: vendorLinkage.applies ? { applies: true, vendorGroupId: vendorLinkage.vendorGroupId, lastTestOk: vendorLinkage.lastTestOk } : { applies: false },
    identityConflict: conflicts.length > 0,
    recentOutcomes: { since: outcomes.since.toISOString(), total: outcomes.total, byStatus: outcomes.byStatus },
    timeline: timeline.map((entry) => ({ at: entry.at.toISOString(), action: entry.action, actorType: entry.actorType })),
  };
}
