// Seeding through Latchkey's own code (self-authorization, API keys), and a bulk path for the sweep's
// thousands of authorizations: tenants and authorization rows by SQL, refresh tokens sealed by the vault.
import type pg from "pg";
import { createApiKey } from "../../lib/api-keys/manage-api-keys";
import { selfAuthorize } from "../../lib/oauth/self-authorize";
import { sealRefreshToken } from "../../lib/authorizations/store-refresh-token";
import { db } from "../../lib/db/client";
import { mapLimit } from "./map-limit";
import type { SandboxSeller } from "./sandbox-control";

export async function createAdmin(): Promise<string> {
  return (await db.user.create({ data: { email: "bench-admin@latchkey.local", role: "ADMIN" } })).id;
}

/** An unrestricted API key whose rate limit no bench can reach (raised past the form's maximum). */
export async function createBenchApiKey(adminId: string): Promise<string> {
  const { apiKey, id } = await createApiKey({ name: "bench", rateLimitPerMinute: 100_000 }, adminId);
  await db.apiKey.update({ where: { id }, data: { rateLimitPerMinute: 1_000_000_000 } });
  return apiKey;
}

/** One tenant per seller, connected by self-authorization (verified with one refresh and one test call). */
export async function connectSelfAuthorized(sellers: SandboxSeller[], adminId: string, label: string): Promise<string[]> {
  return mapLimit(sellers, 8, async (seller) => {
    const tenant = await db.tenant.create({ data: { name: `${label} ${seller.sellingPartnerId}`, kind: "SELLER", contactEmail: `${seller.sellingPartnerId.toLowerCase()}@bench.latchkey.local`, marketplaceIds: ["ATVPDKIKX0DER"] } });
    const outcome = await selfAuthorize({ tenantId: tenant.id, region: "NA", refreshToken: seller.refreshToken, sellingPartnerId: seller.sellingPartnerId }, adminId);
    if (!outcome.ok) throw new Error(`self-authorization of ${seller.sellingPartnerId} failed: ${outcome.code}`);
    return outcome.authorizationId;
  });
}

const sweepId = (kind: "t" | "a", n: number) => `bench-sweep-${kind}${String(n).padStart(6, "0")}`;

/**
 * Adds sweep authorizations numbered from+1..to: one tenant each (an authorization is unique per tenant
 * and region), ACTIVE, used just now, no cached token. Refresh tokens are reused round-robin from `sellers`.
 */
export async function insertSweepAuthorizations(pool: pg.Pool, from: number, to: number, sellers: SandboxSeller[]): Promise<void> {
  if (to <= from) return;
  await pool.query(
    `INSERT INTO "Tenant" ("id", "name", "kind", "contactEmail", "marketplaceIds", "createdAt", "updatedAt")
     SELECT 'bench-sweep-t' || lpad(g::text, 6, '0'), 'Sweep tenant ' || g, 'SELLER', 'sweep-' || g || '@bench.latchkey.local', ARRAY['ATVPDKIKX0DER'], now(), now()
     FROM generate_series($1::int, $2::int) AS g`,
    [from + 1, to],
  );
  const numbers = Array.from({ length: to - from }, (_, i) => from + 1 + i);
  const rows = await mapLimit(numbers, 16, async (n) => {
    const seller = sellers[n % sellers.length]!;
    const sealed = await sealRefreshToken(sweepId("t", n), sweepId("a", n), seller.refreshToken);
    return { id: sweepId("a", n), tenantId: sweepId("t", n), sellingPartnerId: seller.sellingPartnerId, ...sealed };
  });
  for (let i = 0; i < rows.length; i += 2000) {
    const chunk = rows.slice(i, i + 2000);
    await pool.query(
      `INSERT INTO "Authorization" ("id", "tenantId", "region", "sellingPartnerId", "authType", "status", "refreshTokenCiphertext", "refreshTokenFingerprint",
         "roles", "marketplaceIds", "authorizedAt", "lastUsedAt", "createdAt", "updatedAt")
       SELECT x.id, x.tenant, 'NA', x.sp, 'SELF', 'ACTIVE', x.ciphertext, x.fingerprint, '{}', ARRAY['ATVPDKIKX0DER'], now(), now(), now(), now()
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS x(id, tenant, sp, ciphertext, fingerprint)`,
      [chunk.map((r) => r.id), chunk.map((r) => r.tenantId), chunk.map((r) => r.sellingPartnerId), chunk.map((r) => r.refreshTokenCiphertext), chunk.map((r) => r.refreshTokenFingerprint)],
    );
  }
}

/** Empties the sweep authorizations' shared token cache, so the next sweep refreshes every one of them. */
export async function dropSweepTokenCache(pool: pg.Pool): Promise<void> {
  await pool.query(`DELETE FROM "AccessTokenCache" WHERE "authorizationId" LIKE 'bench-sweep-a%'`);
}
