import "server-only";
// The writes to an authorization that never change its status: refresh outcomes and cool-down, the last
// connection test, the stored refresh token, last-used times. Status changes go through state-machine.ts.
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { StoredRefreshToken } from "./store-refresh-token";

type AuthorizationRef = { id: string; tenantId: string };

export async function recordRefreshSucceeded(authorizationId: string): Promise<void> {
  await db.authorization.update({
    where: { id: authorizationId },
    data: { lastRefreshAt: new Date(), consecutiveFailures: 0, lastRefreshError: null, refreshCooldownUntil: null },
  });
}

/** Counts one more consecutive failure and leaves LWA alone for `cooldownMs(failures)`. */
export async function recordRefreshFailed(authorizationId: string, lwaError: string, cooldownMs: (consecutiveFailures: number) => number): Promise<void> {
  const failed = await db.authorization.update({
    where: { id: authorizationId },
    data: { consecutiveFailures: { increment: 1 }, lastRefreshError: lwaError },
    select: { consecutiveFailures: true },
  });
  await db.authorization.update({ where: { id: authorizationId }, data: { refreshCooldownUntil: new Date(Date.now() + cooldownMs(failed.consecutiveFailures)) } });
}

/** recordRefreshSucceeded for a whole batch, in one statement. */
export async function recordRefreshesSucceeded(authorizationIds: string[]): Promise<void> {
  if (authorizationIds.length === 0) return;
  await db.authorization.updateMany({
    where: { id: { in: authorizationIds } },
    data: { lastRefreshAt: new Date(), consecutiveFailures: 0, lastRefreshError: null, refreshCooldownUntil: null },
  });
}

/**
 * recordRefreshFailed for a whole batch, in one statement: one more consecutive failure each and a cool-down
 * of 30 s doubling per failure, up to 10 min (the same rule as cooldownAfter in lib/tokens).
 */
export async function recordRefreshesFailed(failures: { authorizationId: string; lwaError: string }[]): Promise<void> {
  if (failures.length === 0) return;
  const now = new Date().toISOString();
  await db.$executeRaw`
    UPDATE "Authorization" AS a
    SET "consecutiveFailures" = a."consecutiveFailures" + 1, "lastRefreshError" = x.error,
        "refreshCooldownUntil" = ${now}::timestamp(3) + make_interval(secs => LEAST(30 * power(2, LEAST(a."consecutiveFailures", 10)), 600)),
        "updatedAt" = ${now}::timestamp(3)
    FROM unnest(${failures.map((f) => f.authorizationId)}::text[], ${failures.map((f) => f.lwaError)}::text[]) AS x(id, error)
    WHERE a."id" = x.id`;
}

/** For a batch with the shared token cache's own write (an admin's "refresh now"). */
export function clearRefreshCooldown(authorization: AuthorizationRef) {
  return db.authorization.update({ where: { id: authorization.id, tenantId: authorization.tenantId }, data: { refreshCooldownUntil: null } });
}

export async function recordConnectivityResult(authorization: AuthorizationRef, result: { at: Date; ok: boolean; marketplaceIds?: string[] }): Promise<void> {
  await db.authorization.update({
    where: { id: authorization.id, tenantId: authorization.tenantId },
    data: { lastConnectivityAt: result.at, lastConnectivityOk: result.ok, ...(result.marketplaceIds ? { marketplaceIds: result.marketplaceIds } : {}) },
  });
}

/** Replaces an authorization's sealed refresh token (the old ciphertext is overwritten, never kept). */
export async function writeRefreshToken(client: Pick<Prisma.TransactionClient, "authorization">, authorization: AuthorizationRef, sealed: StoredRefreshToken): Promise<void> {
  await client.authorization.update({ where: { id: authorization.id, tenantId: authorization.tenantId }, data: sealed });
}

/** Last-used times of a batch of token requests; use also ends a spell of inactivity. Returns how many rows changed. */
export async function recordAuthorizationUse(authorizationIds: string[]): Promise<number> {
  const written = await db.authorization.updateMany({ where: { id: { in: authorizationIds } }, data: { lastUsedAt: new Date(), inactiveSince: null } });
  return written.count;
}
