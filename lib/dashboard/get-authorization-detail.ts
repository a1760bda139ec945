import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { LedgerEntry } from "@/lib/ledger/ledger";
import { readLedger } from "@/lib/ledger/read-ledger";
import { ROLES } from "@/lib/roles/roles";
import { CONNECTION_FACTS_SELECT } from "@/lib/tenants/get-tenant-connections";
import { accessTokenCacheKey } from "@/lib/tokens/get-access-token";
import { getRecentSpApiOutcomes } from "./recent-spapi-outcomes";

export const TIMELINE_LENGTH = 50;

/**
 * An authorization's facts as the admin pages and the management API show them (no ciphertext): the one
 * select both read through, so what an integrator sees never drifts from what an admin sees.
 */
export const AUTHORIZATION_FACTS_SELECT = {
  ...CONNECTION_FACTS_SELECT,
  tenantId: true,
  refreshCooldownUntil: true,
  inactiveSince: true,
  quarantinedAt: true,
  tenant: { select: { id: true, externalId: true, name: true, kind: true, contactEmail: true, quarantinedAt: true } },
} satisfies Prisma.AuthorizationSelect;

export interface LedgerCoverage {
  entry: LedgerEntry;
  covered: boolean;
}

/**
 * Everything the admin detail page shows about one authorization: its status and history, token freshness
 * (expiry and refresh time of the cached token, never the token), roles against the ledger, vendor linkage
 * and recent SP-API outcomes. No ciphertext leaves this function.
 */
export async function getAuthorizationDetail(authorizationId: string, now = new Date(), options: { assertTenant?: (tenantId: string) => void } = {}) {
  const authorization = await db.authorization.findUnique({
    where: { id: authorizationId },
    select: AUTHORIZATION_FACTS_SELECT,
  });
  if (!authorization) throw new AppError("not_found");
  options.assertTenant?.(authorization.tenantId);
  const [token, timeline, outcomes, roleLedger] = await Promise.all([
    db.accessTokenCache.findUnique({ where: { cacheKey: accessTokenCacheKey(authorization.id) }, select: { expiresAt: true, refreshedAt: true, updatedAt: true } }),
    db.auditLog.findMany({
      where: { OR: [{ authorizationId: authorization.id }, { tenantId: authorization.tenantId, authorizationId: null }] },
      orderBy: [{ at: "desc" }, { id: "desc" }],
      take: TIMELINE_LENGTH,
      select: { id: true, at: true, action: true, actorType: true, actorId: true, details: true },
    }),
    getRecentSpApiOutcomes(authorization.id, now),
    readLedger(),
  ]);
  const ledger: LedgerCoverage[] = roleLedger.forKind(authorization.tenant.kind).map((entry) => ({ entry, covered: entry.roles.some((role) => authorization.roles.includes(role)) }));
  const needed = new Set(ledger.flatMap((l) => l.entry.roles as readonly string[]));
  const extraRoles = authorization.roles.filter((role) => !needed.has(role));
  const tokenExpiresAt = token?.expiresAt ?? null;
  return {
    authorization,
    tenant: authorization.tenant,
    token: {
      cached: Boolean(tokenExpiresAt),
      expiresAt: tokenExpiresAt,
      refreshedAt: token?.refreshedAt ?? null,
      fresh: Boolean(tokenExpiresAt && tokenExpiresAt.getTime() > now.getTime()),
    },
    timeline: timeline.map((entry) => ({ ...entry, id: entry.id.toString() })),
    ledger,
    /** Roles granted that no ledger entry needs (more access than the app uses). */
    extraRoles,
    knownRoles: Object.keys(ROLES),
    vendorLinkage:
      authorization.tenant.kind === "VENDOR"
        ? { applies: true as const, vendorGroupId: authorization.sellingPartnerId, lastTestOk: authorization.lastConnectivityOk }
        : { applies: false as const },
    outcomes,
  };
}

export type AuthorizationDetail = Awaited<ReturnType<typeof getAuthorizationDetail>>;
