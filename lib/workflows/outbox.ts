import "server-only";
// The transactional outbox: an event is a WorkflowJob row written in the same transaction as the change that
// causes it, so a rollback leaves no event and a commit always leaves one (a crash right after the commit
// included: the row waits for the next runner). After commit the producer hands the row to
// dispatchWorkflowJobs (send-event.ts), which runs it now; if that does not happen, the runner's poller does.
//
// Why not pg-boss or graphile-worker (both evaluated for this, Dec 2026): the default database is embedded
// PGlite, one connection owned by Prisma's driver adapter in this process. graphile-worker needs a `pg` pool
// and a dedicated LISTEN connection, which PGlite (no wire protocol) cannot give; pg-boss runs on PGlite
// only through a hand-written `db` shim (its issue #563), and both open their own connections, so neither
// can write a job inside the Prisma transaction that makes the change — the one property the outbox is for.
// So it is one table in Prisma, claimed with `FOR UPDATE SKIP LOCKED` under a transaction-scoped advisory
// lock (in-process-runner.ts), which works the same on PGlite and on PostgreSQL.
import type { Prisma } from "@/lib/generated/prisma/client";
import { eventSchema, type LatchkeyEvent } from "./events";

/** Writes `event` within `tx`; returns the job id to pass to dispatchWorkflowJobs after commit. */
export async function enqueueWorkflowEvent(tx: Prisma.TransactionClient, event: LatchkeyEvent): Promise<string> {
  const parsed = eventSchema(event.name)?.safeParse(event.data);
  // A malformed event is a programming error: refuse it here, inside the transaction, rather than later.
  if (!parsed?.success) throw new Error(`workflow event ${event.name} does not match its schema`);
  const job = await tx.workflowJob.create({ data: { eventName: event.name, eventData: parsed.data as Prisma.InputJsonValue }, select: { id: true } });
  return job.id;
}

/** Several events in one transaction (a fan-out). */
export async function enqueueWorkflowEvents(tx: Prisma.TransactionClient, events: readonly LatchkeyEvent[]): Promise<string[]> {
  const ids: string[] = [];
  for (const event of events) ids.push(await enqueueWorkflowEvent(tx, event));
  return ids;
}
