import "server-only";
// Bulk lifecycle actions on the admin table's selected authorizations: pause (quarantine) or ask the partner
// to authorize again, one lib call per authorization (each records its own audit event), and a plain summary
// of what happened ("3 paused, 1 was already revoked").
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { AuthorizationStatus } from "@/lib/generated/prisma/client";
import type { AdminActor } from "@/lib/authorizations/admin-actor";
import { quarantineAuthorization } from "@/lib/authorizations/quarantine-authorization";
import { requestReauthorization } from "@/lib/authorizations/request-reauthorization";
import { MAX_BULK_SELECTION } from "./run-bulk-action";

export const BULK_LIFECYCLE_OPERATIONS = ["pause", "reauthorize"] as const;
export type BulkLifecycleOperation = (typeof BULK_LIFECYCLE_OPERATIONS)[number];

export type BulkLifecycleOutcome = "done" | "unchanged" | "refused" | "not_found";

export interface BulkLifecycleItem {
  authorizationId: string;
  tenantName: string;
  outcome: BulkLifecycleOutcome;
  /** What happened to this one, in plain words ("paused", "was already revoked"). */
  message: string;
}

export interface BulkLifecycleResult {
  operation: BulkLifecycleOperation;
  done: number;
  /** One line for the admin: "3 paused, 1 was already revoked". */
  summary: string;
  items: BulkLifecycleItem[];
}

const DONE: Record<BulkLifecycleOperation, string> = { pause: "paused", reauthorize: "asked to reauthorize" };

/** Why an authorization in this state was left alone. */
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

export async function runBulkLifecycleAction(input: { operation: BulkLifecycleOperation; authorizationIds: string[]; actor: AdminActor }): Promise<BulkLifecycleResult> {
  const ids = [...new Set(input.authorizationIds)].slice(0, MAX_BULK_SELECTION);
  const found = await db.authorization.findMany({ where: { id: { in: ids } }, select: { id: true, status: true, tenant: { select: { name: true } } } });
  const byId = new Map(found.map((a) => [a.id, a]));
  const items: BulkLifecycleItem[] = [];
  // One at a time: each is a short transaction plus a workflow event, and at most one page is selected.
  for (const id of ids) {
    const authorization = byId.get(id);
    if (!authorization) {
      items.push({ authorizationId: id, tenantName: "—", outcome: "not_found", message: "was not found" });
      continue;
    }
    const tenantName = authorization.tenant.name;
    try {
      const run = input.operation === "pause" ? quarantineAuthorization : requestReauthorization;
      const { changed } = await run(id, input.actor);
      items.push(changed ? { authorizationId: id, tenantName, outcome: "done", message: DONE[input.operation] } : { authorizationId: id, tenantName, outcome: "unchanged", message: "was already paused" });
    } catch (error) {
      if (!(error instanceof AppError) || (error.code !== "conflict" && error.code !== "not_found")) throw error;
      if (error.code === "not_found") {
        items.push({ authorizationId: id, tenantName, outcome: "not_found", message: "was not found" });
        continue;
      }
      const now = await db.authorization.findUnique({ where: { id }, select: { status: true } });
      items.push({ authorizationId: id, tenantName, outcome: "refused", message: refusal(now?.status ?? authorization.status) });
    }
  }
  return { operation: input.operation, done: items.filter((i) => i.outcome === "done").length, summary: summarize(items), items };
}

/** "3 paused, 1 was already revoked": counts per outcome message, in order of first appearance. */
export function summarize(items: Pick<BulkLifecycleItem, "message">[]): string {
  if (items.length === 0) return "Nothing was selected.";
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item.message, (counts.get(item.message) ?? 0) + 1);
  return [...counts].map(([message, n]) => `${n} ${n === 1 ? message : plural(message)}`).join(", ");
}

function plural(message: string): string {
  return message.replace(/^was /, "were ").replace(/^is /, "are ");
}
