import "server-only";
import { testTenantConnection } from "@/lib/preflight/test-connectivity";
import { db } from "@/lib/db/client";
import { forceRefreshAccessToken } from "@/lib/tokens/force-refresh-access-token";

export const BULK_OPERATIONS = ["test", "refresh"] as const;
export type BulkOperation = (typeof BULK_OPERATIONS)[number];
/** One page of the table at most: a bulk action never becomes an unbounded job in a request. */
export const MAX_BULK_SELECTION = 50;

export interface BulkItemResult {
  authorizationId: string;
  tenantName: string;
  outcome: "passed" | "failed" | "skipped";
  message: string;
}

export interface BulkResult {
  operation: BulkOperation;
  passed: number;
  failed: number;
  skipped: number;
  items: BulkItemResult[];
}

const CONCURRENCY = 4;

/**
 * Tests or refreshes the selected authorizations, a few at a time. Authorizations that are not connected
 * are skipped (there is nothing to test); unknown ids are reported as skipped, never acted on.
 */
export async function runBulkAction(input: { operation: BulkOperation; authorizationIds: string[]; actorId: string; requestId?: string }): Promise<BulkResult> {
  const ids = [...new Set(input.authorizationIds)].slice(0, MAX_BULK_SELECTION);
  const found = await db.authorization.findMany({ where: { id: { in: ids } }, select: { id: true, status: true, tenant: { select: { name: true, quarantinedAt: true } } } });
  const byId = new Map(found.map((a) => [a.id, a]));
  const items: BulkItemResult[] = new Array(ids.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < ids.length) {
      const index = next++;
      const id = ids[index]!;
      const authorization = byId.get(id);
      if (!authorization) {
        items[index] = { authorizationId: id, tenantName: "—", outcome: "skipped", message: "Not found." };
        continue;
      }
      const tenantName = authorization.tenant.name;
      if (authorization.status !== "ACTIVE") {
        items[index] = { authorizationId: id, tenantName, outcome: "skipped", message: "Not connected: nothing to test or refresh." };
        continue;
      }
      if (input.operation === "test") {
        const result = await testTenantConnection({ authorizationId: id, actorType: "ADMIN", actorId: input.actorId, requestId: input.requestId });
        items[index] = { authorizationId: id, tenantName, outcome: result.ok ? "passed" : "failed", message: result.ok ? "Test call passed." : result.message };
      } else {
        const result = await forceRefreshAccessToken({ authorizationId: id, actorId: input.actorId, requestId: input.requestId ?? null });
        items[index] = { authorizationId: id, tenantName, outcome: result.ok ? "passed" : "failed", message: result.ok ? "New access token obtained." : result.message };
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, ids.length) }, worker));
  return {
    operation: input.operation,
    passed: items.filter((i) => i.outcome === "passed").length,
    failed: items.filter((i) => i.outcome === "failed").length,
    skipped: items.filter((i) => i.outcome === "skipped").length,
    items,
  };
}
