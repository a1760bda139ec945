import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";

/** This process's identity in lease rows. */
export const INSTANCE_ID = `${process.pid}-${randomUUID().slice(0, 8)}`;

/** Makes sure the shared cache row exists, so instances can compete for its lease. */
export async function ensureCacheRow(cacheKey: string, authorizationId: string | null): Promise<void> {
  await db.$executeRaw`
    INSERT INTO "AccessTokenCache" ("id", "cacheKey", "authorizationId", "updatedAt")
    VALUES (${randomUUID()}, ${cacheKey}, ${authorizationId}, now())
    ON CONFLICT ("cacheKey") DO NOTHING`;
}

/**
 * Takes the refresh lease on a cache row if nobody holds a live one. The database's clock decides,
 * so instances with skewed clocks still agree. A crashed holder's lease simply expires.
 */
export async function tryAcquireLease(cacheKey: string, leaseSeconds: number): Promise<boolean> {
  const taken = await db.$executeRaw`
    UPDATE "AccessTokenCache"
    SET "leaseOwner" = ${INSTANCE_ID}, "leaseExpiresAt" = now() + make_interval(secs => ${leaseSeconds}), "updatedAt" = now()
    WHERE "cacheKey" = ${cacheKey} AND ("leaseExpiresAt" IS NULL OR "leaseExpiresAt" < now())`;
  return taken === 1;
}

export async function releaseLease(cacheKey: string): Promise<void> {
  await db.$executeRaw`
    UPDATE "AccessTokenCache" SET "leaseOwner" = NULL, "leaseExpiresAt" = NULL, "updatedAt" = now()
    WHERE "cacheKey" = ${cacheKey} AND "leaseOwner" = ${INSTANCE_ID}`;
}

/** Stores a refreshed token and releases the lease in one statement. */
export async function storeTokenAndRelease(cacheKey: string, tokenCiphertext: string, expiresAt: Date): Promise<void> {
  await db.$executeRaw`
    UPDATE "AccessTokenCache"
    SET "tokenCiphertext" = ${tokenCiphertext}, "expiresAt" = ${expiresAt}, "refreshedAt" = now(),
        "leaseOwner" = NULL, "leaseExpiresAt" = NULL, "updatedAt" = now()
    WHERE "cacheKey" = ${cacheKey}`;
}

export async function readCacheRow(cacheKey: string) {
  return db.accessTokenCache.findUnique({ where: { cacheKey }, select: { tokenCiphertext: true, expiresAt: true, leaseExpiresAt: true } });
}
