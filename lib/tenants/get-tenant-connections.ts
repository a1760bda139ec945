import "server-only";
import { db } from "@/lib/db/client";
import { partnerHistoryWhere } from "@/lib/audit/event-registry";
import { AppError } from "@/lib/errors";

/** What a partner sees of each connection; the admin's facts (lib/dashboard) are these and more. */
export const CONNECTION_FACTS_SELECT = {
  id: true,
  region: true,
  sellingPartnerId: true,
  authType: true,
  status: true,
  statusReason: true,
  refreshTokenFingerprint: true,
  roles: true,
  marketplaceIds: true,
  authorizedAt: true,
  renewalDueAt: true,
  lastUsedAt: true,
  lastRefreshAt: true,
  lastRefreshError: true,
  consecutiveFailures: true,
  lastConnectivityAt: true,
  lastConnectivityOk: true,
  revokedAt: true,
  createdAt: true,
} as const;

const connectionFields = {
  ...CONNECTION_FACTS_SELECT,
  // The latest flow only: whether it came back from Amazon (status-details.ts: an unfinished attempt).
  oauthStates: { select: { consumedAt: true }, orderBy: { createdAt: "desc" }, take: 1 },
} as const;

/** A tenant with its connections, without any ciphertext. */
export async function getTenantConnections(tenantId: string) {
  const tenant = await db.tenant.findUnique({
    where: { id: tenantId },
    select: { id: true, externalId: true, name: true, kind: true, contactEmail: true, marketplaceIds: true, quarantinedAt: true, authorizations: { select: connectionFields, orderBy: { region: "asc" } } },
  });
  if (!tenant) throw new AppError("not_found");
  return tenant;
}

export type TenantConnections = Awaited<ReturnType<typeof getTenantConnections>>;
export type Connection = TenantConnections["authorizations"][number];

/** One connection of one tenant; another tenant's id is indistinguishable from a missing one. */
export async function getConnection(tenantId: string, authorizationId: string) {
  const connection = await db.authorization.findFirst({
    where: { id: authorizationId, tenantId },
    select: { ...connectionFields, tenant: { select: { id: true, name: true, kind: true } } },
  });
  if (!connection) throw new AppError("not_found");
  return connection;
}

/** Recent audit entries of one connection, newest first (the partner-visible history). */
export async function getConnectionHistory(tenantId: string, authorizationId: string, take = 20) {
  return db.auditLog.findMany({
    where: { tenantId, authorizationId, ...partnerHistoryWhere() },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take,
    select: { id: true, at: true, action: true, actorType: true, details: true },
  });
}
