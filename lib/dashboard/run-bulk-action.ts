import "server-only";
// The admin table's bulk actions on the selected authorizations: test the connection, refresh the token,
// pause (quarantine), or ask the partner to authorize again. One lib call per authorization (each records
// its own audit event), and one result: counts, a one-line summary and what happened to each.
import type { Actor } from "@/lib/auth/actor";
import { testTenantConnection } from "@/lib/preflight/test-connectivity";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { AuthorizationStatus } from "@/lib/generated/prisma/client";
import { quarantineAuthorization } from "@/lib/authorizations/quarantine-authorization";
import { requestReauthorization } from "@/lib/authorizations/request-reauthorization";
import { forceRefreshAccessToken } from "@/lib/tokens/force-refresh-access-token";

export const BULK_OPERATIONS = ["test", "refresh", "pause", "reauthorize"] as const;
export type BulkOperation = (typeof BULK_OPERATIONS)[number];
/** One page of the table at most: a bulk action never becomes an unbounded job in a request. */
export const MAX_BULK_SELECTION = 50;

export interface BulkItem {
  authorizationId: string;
  tenantName: string;
  /** done: it did what was asked (a passing test, a new token, paused, asked); skipped: left alone. */
  outcome: "done" | "failed" | "skipped";
  /** What happened to this one, in plain words ("paused", "was already revoked"). */
  message: string;
}

export interface BulkResult {
  operation: BulkOperation;
  done: number;
  failed: number;
  skipped: number;
  /** One line for the admin: "1 passed, 1 failed, 1 skipped", "3 paused, 1 was already revoked". */
  summary: string;
  items: BulkItem[];
}

interface Found {
  id: string;
  status: AuthorizationStatus;
  tenantName: string;
}

type Outcome = Pick<BulkItem, "outcome" | "message">;

interface OperationSpec {
  /** How many authorizations are handled at once. */
  concurrency: number;
  notFound: string;
  run(authorization: Found, actor: Actor): Promise<Outcome>;
  summarize(items: BulkItem[]): string;
}

const NOT_CONNECTED: Outcome = { outcome: "skipped", message: "Not connected: nothing to test or refresh." };

function tally(items: BulkItem[]): Pick<BulkResult, "done" | "failed" | "skipped"> {
  const count = (outcome: BulkItem["outcome"]) => items.filter((i) => i.outcome === outcome).length;
  return { done: count("done"), failed: count("failed"), skipped: count("skipped") };
}

/** "1 passed, 1 failed, 1 skipped": every count, zeros included. */
function countOutcomes(items: BulkItem[]): string {
  const { done, failed, skipped } = tally(items);
  return `${done} passed, ${failed} failed, ${skipped} skipped`;
}

/** "3 paused, 1 was already revoked": counts per outcome message, in order of first appearance. */
function summarize(items: BulkItem[]): string {
  if (items.length === 0) return "Nothing was selected.";
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item.message, (counts.get(item.message) ?? 0) + 1);
  return [...counts].map(([message, n]) => `${n} ${n === 1 ? message : plural(message)}`).join(", ");
}

function plural(message: string): string {
  return message.replace(/^was /, "were ").replace(/^is /, "are ");
}

/** Why an authorization in this state was left alone by a lifecycle change. */
function refusal(status: AuthorizationStatus): string {
  switch (status) {
    case "REVOKED":
      return "was already revoked";
    case "PENDING":
      return "is not connected yet";
    case "QUARANTINED":
      return "was already paused";
    default:
      return "could not be changed";
  }
}

/** Pause or ask to reauthorize: a refused transition (conflict) is reported with the status that refused it. */
function lifecycleChange(change: (authorizationId: string, actor: Actor) => Promise<{ changed: boolean }>, done: string): OperationSpec {
  return {
    // One at a time: each is a short transaction plus a workflow event.
    concurrency: 1,
    notFound: "was not found",
    summarize,
    async run(authorization, actor) {
      try {
        const { changed } = await change(authorization.id, actor);
        return changed ? { outcome: "done", message: done } : { outcome: "skipped", message: "was already paused" };
      } catch (error) {
        if (!(error instanceof AppError) || (error.code !== "conflict" && error.code !== "not_found")) throw error;
        if (error.code === "not_found") return { outcome: "skipped", message: "was not found" };
        const now = await db.authorization.findUnique({ where: { id: authorization.id }, select: { status: true } });
        return { outcome: "skipped", message: refusal(now?.status ?? authorization.status) };
      }
    },
  };
}

/** Test or refresh: only connected authorizations have a token to test or refresh. */
function connectedCheck(check: (authorizationId: string, actor: Actor) => Promise<{ ok: true } | { ok: false; message: string }>, passed: string): OperationSpec {
  return {
    concurrency: 4,
    notFound: "Not found.",
    summarize: countOutcomes,
    async run(authorization, actor) {
      if (authorization.status !== "ACTIVE") return NOT_CONNECTED;
      const result = await check(authorization.id, actor);
      return result.ok ? { outcome: "done", message: passed } : { outcome: "failed", message: result.message };
    },
  };
}

const OPERATIONS: Record<BulkOperation, OperationSpec> = {
  test: connectedCheck(
    (authorizationId, actor) => testTenantConnection({ authorizationId, actorType: "ADMIN", actorId: actor.userId, requestId: actor.requestId }),
    "Test call passed.",
  ),
  refresh: connectedCheck(
    (authorizationId, actor) => forceRefreshAccessToken({ authorizationId, actorId: actor.userId, requestId: actor.requestId ?? null }),
    "New access token obtained.",
  ),
  pause: lifecycleChange(quarantineAuthorization, "paused"),
  reauthorize: lifecycleChange(requestReauthorization, "asked to reauthorize"),
};

/** Runs one operation on the selected authorizations; unknown ids are reported, never acted on. */
export async function runBulkAction(input: { operation: BulkOperation; authorizationIds: string[]; actor: Actor }): Promise<BulkResult> {
  const spec = OPERATIONS[input.operation];
  const ids = [...new Set(input.authorizationIds)].slice(0, MAX_BULK_SELECTION);
  const found = await db.authorization.findMany({ where: { id: { in: ids } }, select: { id: true, status: true, tenant: { select: { name: true } } } });
  const byId = new Map(found.map((a) => [a.id, { id: a.id, status: a.status, tenantName: a.tenant.name }]));
  const items: BulkItem[] = new Array(ids.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < ids.length) {
      const index = next++;
      const id = ids[index]!;
      const authorization = byId.get(id);
      items[index] = authorization
        ? { authorizationId: id, tenantName: authorization.tenantName, ...(await spec.run(authorization, input.actor)) }
        : { authorizationId: id, tenantName: "—", outcome: "skipped", message: spec.notFound };
    }
  }
  await Promise.all(Array.from({ length: Math.min(spec.concurrency, ids.length) }, worker));
  return { operation: input.operation, ...tally(items), summary: spec.summarize(items), items };
}
