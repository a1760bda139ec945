import "server-only";
// Applies the transition table (transition-table.ts): the only code that changes an authorization's status.
// One transition = read the status, refuse it or see it is already done, else one transaction with a guarded
// update on the status just read (plus the caller's guard), the shared access-token rows deleted when the
// table says so, and its audit entry. After commit: the subscribers (`onAuthorizationTransition`; the token
// service evicts its in-memory caches there), then the workflow event. Two concurrent transitions of one
// authorization therefore change it once; the loser re-reads and decides again. The workflow event is written
// in the transaction (the outbox): a rolled-back transition announces nothing, a committed one always does.
import type { LatchkeyEvent } from "@/lib/workflows/events";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { ActorType, AuthorizationStatus, Prisma } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/log/logger";
import { processLocal } from "@/lib/runtime/process-local";
import { dispatchWorkflowJobs, enqueueWorkflowEvent } from "@/lib/workflows/send-event";
import { decideTransition, TRANSITIONS, type EvictedCache, type TransitionName, type TransitionSpec } from "./transition-table";

export interface TransitionActor {
  actorType: ActorType;
  actorId?: string | null;
  requestId?: string | null;
}

/** The authorization as the transition found it, for the caller's audit details and event payload. */
export interface TransitionContext {
  authorizationId: string;
  tenantId: string;
  from: AuthorizationStatus;
  at: Date;
}

type EventName<N extends TransitionName> = (typeof TRANSITIONS)[N]["event"];
type EventData<N extends TransitionName> = Extract<LatchkeyEvent, { name: EventName<N> }>["data"];

export type TransitionRequest<N extends TransitionName> = {
  transition: N;
  authorizationId: string;
  /** Scopes the authorization to a tenant: another tenant's is not found. */
  tenantId?: string;
  actor: TransitionActor;
  /** When it happened (default: now); the context's `at`. */
  at?: Date;
  /** Columns written with the status change. */
  set?: Prisma.AuthorizationUpdateManyMutationInput;
  /** More of the expected state than the status (e.g. the renewal date the scan saw). */
  guard?: Prisma.AuthorizationWhereInput;
  details?: (context: TransitionContext) => Record<string, unknown>;
  /** More writes that must commit with the status change (in its transaction, after the guarded update). */
  alsoWrite?: (tx: Prisma.TransactionClient, context: TransitionContext) => Promise<void>;
} & ([EventName<N>] extends [null] ? { event?: never } : { event: (context: TransitionContext) => EventData<N> });

/** A transition that committed: what the subscribers receive and the caller gets back. */
export interface CommittedTransition extends TransitionContext {
  transition: TransitionName;
  /** The status after it (the same as `from` for transitions that change none). */
  to: AuthorizationStatus;
  actor: TransitionActor;
  evicts: readonly EvictedCache[];
  /** The audit entry's details (e.g. a revocation's reason). */
  details?: Record<string, unknown>;
}

export type TransitionOutcome =
  | { changed: true; committed: CommittedTransition }
  /** `refused`: not allowed from `status`; otherwise it was already done (or its guard no longer holds). */
  | { changed: false; refused: boolean; status: AuthorizationStatus };

export type TransitionListener = (transition: CommittedTransition) => void | Promise<void>;

/** Writes that must commit with every transition (the lifecycle webhooks' event and delivery rows). */
export type TransitionWriter = (tx: Prisma.TransactionClient, transition: CommittedTransition) => Promise<void>;

// Per process: Next.js may load this module once per route bundle, and a transition applied in one bundle
// must reach the subscribers another registered. Keyed by name, so a reloaded module replaces its listener
// instead of adding a second one.
const listeners = processLocal("transitionListeners", () => new Map<string, TransitionListener>());

/** Calls `listener` after every committed transition, in registration order; returns the unsubscribe function. */
export function onAuthorizationTransition(name: string, listener: TransitionListener): () => void {
  listeners.set(name, listener);
  return () => listeners.delete(name);
}

const writers = processLocal("transitionWriters", () => new Map<string, TransitionWriter>());

/**
 * Calls `writer` inside every transition's transaction, after its audit entry: what it writes commits with the
 * status change or not at all (a failing writer rolls the transition back). Keyed by name like the listeners.
 */
export function onAuthorizationTransitionCommit(name: string, writer: TransitionWriter): () => void {
  writers.set(name, writer);
  return () => writers.delete(name);
}

/** A lost race is decided again on the status the winner left; this bounds it. */
const MAX_ATTEMPTS = 3;

/** Applies a transition, or says why it did not: a refusal is an outcome here, not an error. */
export async function applyTransition<N extends TransitionName>(request: TransitionRequest<N>): Promise<TransitionOutcome> {
  const spec: TransitionSpec = TRANSITIONS[request.transition];
  const scope = { id: request.authorizationId, ...(request.tenantId ? { tenantId: request.tenantId } : {}) };
  let current = await db.authorization.findFirst({ where: scope, select: { status: true, tenantId: true } });
  for (let attempt = 1; current; attempt++) {
    const decision = decideTransition(request.transition, current.status);
    if (decision !== "apply") return { changed: false, refused: decision === "refused", status: current.status };
    const context: TransitionContext = { authorizationId: request.authorizationId, tenantId: current.tenantId, from: current.status, at: request.at ?? new Date() };
    const committed = await commit(request, spec, context);
    if (committed) {
      await announce(committed.transition, committed.eventJobs);
      return { changed: true, committed: committed.transition };
    }
    const seen: AuthorizationStatus = current.status;
    current = await db.authorization.findFirst({ where: scope, select: { status: true, tenantId: true } });
    if (current && (current.status === seen || attempt >= MAX_ATTEMPTS)) return { changed: false, refused: false, status: current.status };
  }
  throw new AppError("not_found");
}

/** Applies a transition; one not allowed from the current status is refused with `conflict` (409). */
export async function transitionAuthorization<N extends TransitionName>(request: TransitionRequest<N>): Promise<TransitionOutcome> {
  const outcome = await applyTransition(request);
  if (!outcome.changed && outcome.refused) {
    throw new AppError("conflict", TRANSITIONS[request.transition].refusal, { details: { transition: request.transition, status: outcome.status } });
  }
  return outcome;
}

async function commit<N extends TransitionName>(
  request: TransitionRequest<N>,
  spec: TransitionSpec,
  context: TransitionContext,
): Promise<{ transition: CommittedTransition; eventJobs: string[] } | null> {
  return db.$transaction(async (tx) => {
    const where = { ...request.guard, id: context.authorizationId, tenantId: context.tenantId, status: context.from };
    const data = { ...request.set, ...(spec.to ? { status: spec.to } : {}) };
    const matched = Object.keys(data).length > 0 ? (await tx.authorization.updateMany({ where, data })).count : await tx.authorization.count({ where });
    if (matched === 0) return null;
    if (spec.evicts.includes("access_tokens")) await tx.accessTokenCache.deleteMany({ where: { authorizationId: context.authorizationId } });
    await request.alsoWrite?.(tx, context);
    const details = request.details?.(context);
    await recordAuditEvent(
      {
        action: spec.audit,
        actorType: request.actor.actorType,
        actorId: request.actor.actorId ?? null,
        tenantId: context.tenantId,
        authorizationId: context.authorizationId,
        details,
        requestId: request.actor.requestId ?? null,
      },
      tx,
    );
    const eventData = request.event?.(context);
    // The request type pairs the table's event name with its payload; TypeScript cannot follow it through the lookup.
    const eventJobs = spec.event && eventData ? [await enqueueWorkflowEvent(tx, { name: spec.event, data: eventData } as LatchkeyEvent)] : [];
    const committed: CommittedTransition = { ...context, transition: request.transition, to: spec.to ?? context.from, actor: request.actor, evicts: spec.evicts, details };
    for (const writer of writers.values()) await writer(tx, committed);
    return { transition: committed, eventJobs };
  });
}

/** After commit: never throws, since the database already holds the truth (the event included). */
async function announce(committed: CommittedTransition, eventJobs: string[]): Promise<void> {
  for (const listener of listeners.values()) {
    try {
      await listener(committed);
    } catch (error) {
      logger.error({ err: error, transition: committed.transition, authorizationId: committed.authorizationId }, "an authorization transition listener failed");
    }
  }
  await dispatchWorkflowJobs(eventJobs);
}
