import "server-only";
// Many authorizations refreshed at once (the refresh-ahead sweep and the daily liveness check), with a fixed
// number of SQL statements per batch however large it is: the cache rows, their leases, the data keys, the
// stored tokens, the refresh records and the monitoring buckets are each written with one statement for the
// whole batch. Only a revocation found (invalid_grant) is handled one by one, through the state machine, so
// its email, alert and audit entry follow exactly as when a request finds it.
import { LwaError, refreshAccessToken as lwaRefresh } from "@/lib/amazon/lwa";
import { loadCredentialSet, withClientCredentials } from "@/lib/app-client/client-credentials";
import { readRefreshToken } from "@/lib/authorizations/read-refresh-token";
import { recordRefreshesFailed, recordRefreshesSucceeded } from "@/lib/authorizations/token-bookkeeping";
import { readServerEnv } from "@/lib/env";
import { logger } from "@/lib/log";
import { LATCHKEY_OPERATIONS } from "@/lib/monitoring/record-latchkey-call";
import { recordOutcomes, type RecordedOutcome } from "@/lib/monitoring/record-outcomes";
import { acquireLeases, extendLeases, leaseMilliseconds, releaseLeases, storeTokensUnderLeases, type Lease } from "@/lib/token-cache/token-cache";
import { encryptForTenant, warmTenantDataKeys } from "@/lib/vault";
import { evictTokenCaches } from "./evict-token-caches";
import { accessTokenCacheKey, accessTokenContext } from "./get-access-token";
import { revokeOnInvalidGrant, withTransientRetries } from "./refresh-access-token";

export interface BatchRow {
  id: string;
  tenantId: string;
  refreshTokenCiphertext: string | null;
}

export interface BatchRefreshResult {
  /** LWA gave a new access token (stored, unless a newer holder overtook the lease). */
  refreshed: number;
  /** Transient or client failures: counted on the authorization, with its cool-down. */
  failed: number;
  /** invalid_grant: revoked through the state machine. */
  revoked: number;
  /** Not attempted: another holder had the lease, or ours was about to lapse (the next run takes them). */
  skipped: number;
}

/** A batch starts no new LWA call after this long (the next run takes the rest). */
const MAX_BATCH_MS = 120_000;

async function mapLimit<T>(items: readonly T[], limit: number, job: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await job(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));
}

/**
 * One LWA refresh for each row, at most `concurrency` at a time, under the rows' refresh leases (taken for the
 * whole batch in one statement; rows leased elsewhere are skipped). While the batch works its leases are
 * extended (one statement every third of a lease); a row whose lease was lost anyway is not called, and a
 * write that comes too late is refused by the lease's fencing token.
 */
export async function refreshBatch(rows: readonly BatchRow[], options: { concurrency: number }): Promise<BatchRefreshResult> {
  const result: BatchRefreshResult = { refreshed: 0, failed: 0, revoked: 0, skipped: 0 };
  const byKey = new Map(rows.filter((row) => row.refreshTokenCiphertext).map((row) => [accessTokenCacheKey(row.id), row]));
  result.skipped = rows.length - byKey.size;
  const leases = await acquireLeases([...byKey.entries()].map(([cacheKey, row]) => ({ cacheKey, authorizationId: row.id })));
  result.skipped += byKey.size - leases.length;
  if (leases.length === 0) return result;
  const stopAt = Date.now() + MAX_BATCH_MS;
  let held = new Set(leases.map((lease) => lease.cacheKey));
  const finished = new Set<string>();
  let extending = Promise.resolve();
  const timer = setInterval(() => {
    extending = extending
      .then(async () => {
        held = await extendLeases(leases.filter((lease) => !finished.has(lease.cacheKey)));
      })
      .catch((error: unknown) => logger.warn({ err: error }, "could not extend the batch's refresh leases"));
  }, Math.max(500, leaseMilliseconds() / 3));
  const keeper: LeaseKeeper = {
    stopAt,
    isHeld: (cacheKey) => held.has(cacheKey),
    finish: (cacheKey) => void finished.add(cacheKey),
    stopExtending: () => {
      clearInterval(timer);
      return extending;
    },
  };
  try {
    return await refreshLeased(leases, byKey, keeper, result, options.concurrency);
  } finally {
    clearInterval(timer);
  }
}

interface LeaseKeeper {
  stopAt: number;
  isHeld(cacheKey: string): boolean;
  finish(cacheKey: string): void;
  /** Stops extending the leases (before they are stored or released); resolves when no extension is running. */
  stopExtending(): Promise<void>;
}

async function refreshLeased(leases: Lease[], byKey: Map<string, BatchRow>, keeper: LeaseKeeper, result: BatchRefreshResult, concurrency: number): Promise<BatchRefreshResult> {
  await warmTenantDataKeys(leases.map((lease) => byKey.get(lease.cacheKey)!.tenantId));

  const requestDeadlineMs = readServerEnv().TOKEN_REQUEST_DEADLINE_MS;
  // The app's credentials are read once for the batch (an invalid_client still re-reads them, as for one call).
  const credentialSet = await loadCredentialSet();
  const writes: Parameters<typeof storeTokensUnderLeases>[0] = [];
  const unused: Lease[] = [];
  const succeeded: string[] = [];
  const failures: { authorizationId: string; lwaError: string }[] = [];
  const revoked: BatchRow[] = [];
  const outcomes: RecordedOutcome[] = [];

  await mapLimit(leases, concurrency, async (lease) => {
    const row = byKey.get(lease.cacheKey)!;
    if (Date.now() > keeper.stopAt || !keeper.isHeld(lease.cacheKey)) {
      keeper.finish(lease.cacheKey);
      unused.push(lease);
      result.skipped += 1;
      return;
    }
    try {
      const refreshToken = await readRefreshToken(row);
      const deadline = Date.now() + requestDeadlineMs;
      const token = await withClientCredentials((credentials) =>
        withTransientRetries(async (timeoutMs) => {
          const startedAt = Date.now();
          try {
            const answer = await lwaRefresh(credentials, refreshToken, { timeoutMs });
            outcomes.push(outcomeOf(row.id, 200, startedAt));
            return answer;
          } catch (error) {
            if (error instanceof LwaError) outcomes.push(outcomeOf(row.id, error.httpStatus ?? 0, startedAt));
            throw error;
          }
        }, deadline),
        { set: credentialSet },
      );
      const accessToken = { accessToken: token.accessToken, expiresAt: new Date(Date.now() + token.expiresIn * 1000) };
      writes.push({ lease, token: accessToken, tokenCiphertext: await encryptForTenant(row.tenantId, token.accessToken, accessTokenContext(lease.cacheKey)) });
      succeeded.push(row.id);
    } catch (error) {
      keeper.finish(lease.cacheKey);
      unused.push(lease);
      if (error instanceof LwaError && error.kind === "revoked") {
        revoked.push(row);
      } else if (error instanceof LwaError) {
        failures.push({ authorizationId: row.id, lwaError: error.error });
        if (error.kind === "client") logger.error({ authorizationId: row.id, lwaError: error.error }, "LWA rejected the app client's credentials");
      } else {
        result.failed += 1;
        logger.warn({ err: error, authorizationId: row.id }, "batched refresh failed for one authorization");
      }
    }
  });

  await keeper.stopExtending();
  await storeTokensUnderLeases(writes);
  await releaseLeases(unused);
  await recordRefreshesSucceeded(succeeded);
  await recordRefreshesFailed(failures);
  if (outcomes.length > 0) {
    await recordOutcomes({ outcomes }, async () => true).catch((error: unknown) => logger.warn({ err: error }, "could not record the batch's LWA outcomes"));
  }
  for (const failure of failures) evictTokenCaches(failure.authorizationId, ["status"]);
  for (const row of revoked) {
    evictTokenCaches(row.id, ["status"]);
    await revokeOnInvalidGrant(row);
  }
  result.refreshed += succeeded.length;
  result.failed += failures.length;
  result.revoked += revoked.length;
  return result;
}

function outcomeOf(authorizationId: string, status: number, startedAt: number): RecordedOutcome {
  return {
    authorizationId,
    operation: LATCHKEY_OPERATIONS.lwaRefresh,
    status: Math.max(0, Math.min(599, status)),
    latencyMs: Math.max(0, Math.min(600_000, Date.now() - startedAt)),
    at: new Date(startedAt).toISOString(),
  };
}
