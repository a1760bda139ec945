import "server-only";
// The durable runner: executes the outbox's WorkflowJob rows (outbox.ts) in this process.
//
// - An event row (functionId null) is dispatched: in-process, it becomes one job per function the event
//   triggers (in one transaction); on Inngest, it is sent to Inngest with the row's id as the event id
//   (Inngest drops a second send of one id), and Inngest runs the functions.
// - A function row runs its definition. Each `step.run` result is stored on the row as it completes, so a
//   retry or a restart skips the steps already done (a step cut off mid-way runs again: steps are
//   idempotent, as on Inngest). A failure is retried with backoff: 3 retries after the first attempt.
//   A row that used them all is FAILED for good, kept with its error and shown on /admin/monitoring.
// - Claims: one transaction takes a transaction-scoped advisory lock, picks a due row whose concurrency key
//   (one authorization) no other RUNNING row holds, `FOR UPDATE SKIP LOCKED`, and marks it RUNNING with a
//   lease that the holder renews while it works. Several instances on one PostgreSQL database therefore run
//   each row once and one authorization's functions one at a time; a crashed holder's lease runs out and the
//   row is claimed again. On PGlite only one process can open the database, so a boot releases every row
//   left RUNNING at once.
// - Crons: each due occurrence is claimed once across instances (WorkflowCronClaim, keyed by function and
//   scheduled minute) and becomes a function row, durable like the rest. After boot, each cron's latest
//   occurrence is claimed too if nobody ran it (a laptop that was off at 06:00 catches up).
import { randomUUID } from "node:crypto";
import type { WorkflowDefinition, WorkflowStep } from "./workflow-definition";
import { eventSchema, type LatchkeyEvent } from "./events";
import { db, databaseKind } from "@/lib/db/client";
import { Prisma, type WorkflowJob } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/log/logger";
import { faultPoint } from "@/lib/runtime/fault-point";
import { processLocal } from "@/lib/runtime/process-local";
import { cronMatches, lastOccurrence } from "./cron-schedule";
import { enqueueWorkflowEvents } from "./outbox";

/** Attempts of a function: the first and 3 retries, as `retries: 3` on Inngest (inngest/workflow.ts). */
export const MAX_FUNCTION_ATTEMPTS = 4;
/** Attempts to hand an event to Inngest (or fan it out): more, since Inngest may be down for a while. */
export const MAX_EVENT_ATTEMPTS = 10;
/** The event name of a cron occurrence's job row. */
export const CRON_EVENT = "latchkey/cron.fired";

export interface RunnerOptions {
  /** Names this runner's claims (default: a random id per process). */
  instanceId?: string;
  /** The clock (tests move it). */
  now?: () => Date;
  /** How long a claim holds without renewal. */
  leaseMs?: number;
  /** Delay before the retry that follows failed attempt `attempt` (1-based). */
  backoffMs?: (attempt: number) => number;
  /** Whether event rows go to Inngest (default: as configured, see mode.ts). */
  inngest?: boolean;
}

/** 10 s, 40 s, 160 s, … (at most an hour), with ±20 % jitter so retries of a burst spread out. */
function defaultBackoff(attempt: number): number {
  const base = Math.min(3_600_000, 10_000 * 4 ** (attempt - 1));
  return Math.round(base * (0.8 + Math.random() * 0.4));
}

const definitions = processLocal("workflowDefinitions", (): { load?: () => Promise<WorkflowDefinition[]> } => ({}));
const schedule = processLocal("workflowSchedule", (): { timer?: NodeJS.Timeout; poller?: NodeJS.Timeout } => ({}));
const runners = processLocal("workflowRunner", (): { current?: WorkflowRunner } => ({}));

/**
 * Tells this process where its workflow definitions are (inngest/functions). The process's entry point calls
 * it (instrumentation.ts for the server, the integration tests' setup): lib/ never imports inngest/.
 */
export function provideWorkflowDefinitions(load: () => Promise<WorkflowDefinition[]>): void {
  definitions.load = load;
}

async function loadDefinitions(): Promise<WorkflowDefinition[]> {
  if (!definitions.load) throw new Error("no workflow definitions were provided to this process (see provideWorkflowDefinitions)");
  return definitions.load();
}

/** `event.data.authorizationId` → `authorizationId:<id>`; other expressions are not supported here. */
function concurrencyKeyOf(expression: string | undefined, data: unknown): string | null {
  if (!expression) return null;
  const match = /^event\.data\.([A-Za-z0-9_]+)$/.exec(expression);
  if (!match) throw new Error(`the in-process runner cannot evaluate the concurrency key "${expression}"`);
  const value = (data as Record<string, unknown> | null)?.[match[1]!];
  return typeof value === "string" ? `${match[1]}:${value}` : null;
}

/** A message for the row and the admin page: our own errors' messages, never a stack or a payload. */
function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, 500);
}

export interface InProcessRun {
  functionId: string;
  ok: boolean;
  result?: unknown;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// A transaction-scoped advisory lock around every claim: claims are short, and holding it makes the
// "no other RUNNING row has this key" check and the claim one atomic step across instances.
const CLAIM_LOCK = 0x4c4b5746; // "LKWF"

export class WorkflowRunner {
  readonly instanceId: string;
  private readonly now: () => Date;
  private readonly leaseMs: number;
  private readonly backoffMs: (attempt: number) => number;
  private readonly inngest: boolean | undefined;

  constructor(options: RunnerOptions = {}) {
    this.instanceId = options.instanceId ?? `${process.pid}-${randomUUID().slice(0, 8)}`;
    this.now = options.now ?? (() => new Date());
    this.leaseMs = options.leaseMs ?? 30_000;
    this.backoffMs = options.backoffMs ?? defaultBackoff;
    this.inngest = options.inngest;
  }

  /** Claims one due row (of `ids`, if given): marked RUNNING for this runner, its attempt counted. */
  async claim(ids?: readonly string[]): Promise<WorkflowJob | null> {
    const now = this.now();
    const only = ids ? (ids.length ? Prisma.sql`AND j.id IN (${Prisma.join(ids)})` : Prisma.sql`AND FALSE`) : Prisma.empty;
    return db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT pg_advisory_xact_lock(${CLAIM_LOCK}::bigint)::text AS locked`;
      const rows = await tx.$queryRaw<{ id: string }[]>`
        SELECT j.id FROM "WorkflowJob" j
        WHERE ((j.status = 'PENDING' AND j."runAt" <= ${now}) OR (j.status = 'RUNNING' AND j."leaseUntil" < ${now})) ${only}
          AND (j."concurrencyKey" IS NULL OR NOT EXISTS (
            SELECT 1 FROM "WorkflowJob" r
            WHERE r."concurrencyKey" = j."concurrencyKey" AND r.id <> j.id AND r.status = 'RUNNING' AND r."leaseUntil" >= ${now}))
        ORDER BY j."runAt", j."createdAt"
        LIMIT 1
        FOR UPDATE OF j SKIP LOCKED`;
      const id = rows[0]?.id;
      if (!id) return null;
      return tx.workflowJob.update({
        where: { id },
        data: { status: "RUNNING", attempts: { increment: 1 }, lockedBy: this.instanceId, leaseUntil: new Date(now.getTime() + this.leaseMs) },
      });
    });
  }

  /** Runs every row that is due now, one after another, until none is left that this runner may claim. */
  async drain(limit = 1000): Promise<number> {
    let ran = 0;
    for (; ran < limit; ran++) {
      const job = await this.claim();
      if (!job) break;
      await this.execute(job);
    }
    return ran;
  }

  /**
   * Runs these rows now (after the commit that wrote them), waiting a little when another run of the same
   * authorization holds the key. A row that is not due (a retry later) or that stays blocked is left to the
   * poller. Returns what the function rows it ran gave back.
   */
  async runNow(ids: readonly string[], waitMs = 15_000): Promise<InProcessRun[]> {
    const runs: InProcessRun[] = [];
    const deadline = Date.now() + waitMs;
    let pending = [...ids];
    while (pending.length) {
      const job = await this.claim(pending);
      if (job) {
        runs.push(...(await this.execute(job)));
        pending = pending.filter((id) => id !== job.id);
        continue;
      }
      const open = await db.workflowJob.findMany({ where: { id: { in: pending }, status: { in: ["PENDING", "RUNNING"] } }, select: { id: true, status: true, runAt: true } });
      const now = this.now();
      // Still worth waiting for: due rows blocked by a key, and rows another runner is running.
      pending = open.filter((row) => row.status === "RUNNING" || row.runAt <= now).map((row) => row.id);
      if (!pending.length || Date.now() > deadline) break;
      await sleep(20);
    }
    return runs;
  }

  /** Executes a claimed row; never throws. An event row's function rows run right after it. */
  async execute(job: WorkflowJob): Promise<InProcessRun[]> {
    const heartbeat = setInterval(() => void this.renewLease(job.id), Math.max(1000, Math.floor(this.leaseMs / 3)));
    heartbeat.unref();
    let functionRows: string[] = [];
    const runs: InProcessRun[] = [];
    try {
      if (job.functionId === null) {
        functionRows = await this.dispatchEvent(job);
      } else {
        const result = await this.runFunction(job);
        runs.push({ functionId: job.functionId, ok: true, result });
        await this.finish(job, { status: "SUCCEEDED", finishedAt: this.now(), leaseUntil: null, lastError: null });
      }
    } catch (error) {
      const max = job.functionId === null ? MAX_EVENT_ATTEMPTS : MAX_FUNCTION_ATTEMPTS;
      const failedForGood = job.attempts >= max;
      const lastError = describeError(error);
      if (job.functionId) runs.push({ functionId: job.functionId, ok: false });
      await this.finish(job, {
        status: failedForGood ? "FAILED" : "PENDING",
        lastError,
        leaseUntil: null,
        ...(failedForGood ? { finishedAt: this.now() } : { runAt: new Date(this.now().getTime() + this.backoffMs(job.attempts)) }),
      }).catch((writeError: unknown) => logger.error({ err: writeError, jobId: job.id }, "could not record a workflow failure (the lease will run out and the row run again)"));
      const fields = { err: error, jobId: job.id, function: job.functionId ?? undefined, event: job.eventName, attempt: job.attempts };
      if (failedForGood) logger.error(fields, "workflow failed for good: every attempt used (shown on /admin/monitoring)");
      else logger.warn(fields, "workflow attempt failed: it will be retried");
    } finally {
      clearInterval(heartbeat);
    }
    if (functionRows.length) runs.push(...(await this.runNow(functionRows)));
    return runs;
  }

  private async renewLease(id: string): Promise<void> {
    await db.workflowJob
      .updateMany({ where: { id, status: "RUNNING", lockedBy: this.instanceId }, data: { leaseUntil: new Date(this.now().getTime() + this.leaseMs) } })
      .catch((error: unknown) => logger.warn({ err: error, jobId: id }, "could not renew a workflow lease"));
  }

  /** Writes the row's outcome, if this runner still holds it (a runner that lost its lease writes nothing). */
  private async finish(job: WorkflowJob, data: Prisma.WorkflowJobUpdateManyMutationInput): Promise<void> {
    await db.workflowJob.updateMany({ where: { id: job.id, status: "RUNNING", lockedBy: this.instanceId }, data: { ...data, lockedBy: null } });
  }

  private async useInngest(): Promise<boolean> {
    if (this.inngest !== undefined) return this.inngest;
    const [{ readServerEnv }, { inngestConnection }] = await Promise.all([import("@/lib/env"), import("./mode")]);
    return inngestConnection(readServerEnv()).mode === "inngest";
  }

  /** An event row: to Inngest, or one function row per function it triggers (written as this row completes). */
  private async dispatchEvent(job: WorkflowJob): Promise<string[]> {
    if (await this.useInngest()) {
      const { inngest } = await import("./inngest-client");
      await inngest.send({ id: job.id, name: job.eventName, data: job.eventData as Record<string, unknown> });
      await this.finish(job, { status: "SUCCEEDED", finishedAt: this.now(), leaseUntil: null, lastError: null });
      return [];
    }
    const parsed = eventSchema(job.eventName)?.safeParse(job.eventData);
    if (!parsed?.success) throw new Error(`workflow event ${job.eventName} does not match its schema`);
    const triggered = (await loadDefinitions()).filter((d) => "event" in d.trigger && d.trigger.event === job.eventName);
    return db.$transaction(async (tx) => {
      const done = await tx.workflowJob.updateMany({
        where: { id: job.id, status: "RUNNING", lockedBy: this.instanceId },
        data: { status: "SUCCEEDED", finishedAt: this.now(), leaseUntil: null, lockedBy: null, lastError: null },
      });
      if (done.count === 0) return [];
      const ids: string[] = [];
      for (const definition of triggered) {
        const row = await tx.workflowJob.create({
          data: {
            eventName: job.eventName,
            eventData: parsed.data as Prisma.InputJsonValue,
            functionId: definition.id,
            concurrencyKey: concurrencyKeyOf(definition.concurrencyKey, parsed.data),
            runAt: this.now(),
          },
          select: { id: true },
        });
        ids.push(row.id);
      }
      return ids;
    });
  }

  private async runFunction(job: WorkflowJob): Promise<unknown> {
    const definition = (await loadDefinitions()).find((d) => d.id === job.functionId);
    if (!definition) throw new Error(`no workflow function "${job.functionId}" in this version`);
    const step = this.stepTools(job);
    if ("cron" in definition.trigger) {
      const scheduledAt = (job.eventData as { scheduledAt?: string } | null)?.scheduledAt;
      return (definition.run as (now: Date, step: WorkflowStep) => Promise<unknown>)(scheduledAt ? new Date(scheduledAt) : this.now(), step);
    }
    const parsed = eventSchema(job.eventName)?.safeParse(job.eventData);
    if (!parsed?.success) throw new Error(`workflow event ${job.eventName} does not match its schema`);
    return (definition.run as (event: { name: string; data: unknown }, step: WorkflowStep) => Promise<unknown>)({ name: job.eventName, data: parsed.data }, step);
  }

  /** `step.run` and `step.sendEvent` over the row: each completed step's result is stored and reused. */
  private stepTools(job: WorkflowJob): WorkflowStep {
    const done = { ...((job.steps ?? {}) as Record<string, Prisma.JsonValue>) };
    const seen = new Map<string, number>();
    // A step id used twice in one run gets a counter, as on Inngest.
    const keyOf = (id: string) => {
      const n = (seen.get(id) ?? 0) + 1;
      seen.set(id, n);
      return n === 1 ? id : `${id}:${n}`;
    };
    const record = async (tx: Prisma.TransactionClient | typeof db, key: string, value: unknown) => {
      done[key] = (value === undefined ? null : JSON.parse(JSON.stringify(value))) as Prisma.JsonValue;
      const written = await tx.workflowJob.updateMany({ where: { id: job.id, status: "RUNNING", lockedBy: this.instanceId }, data: { steps: done as Prisma.InputJsonValue } });
      if (written.count === 0) throw new Error("this runner lost its claim on the workflow run (its lease ran out): another runner continues it");
    };
    return {
      run: async <T>(id: string, fn: () => Promise<T>): Promise<T> => {
        const key = keyOf(id);
        if (key in done) return done[key] as T;
        let value: T;
        try {
          value = await fn();
        } catch (error) {
          logger.error({ err: error, function: job.functionId, step: id }, "workflow step failed");
          throw error;
        }
        await faultPoint("workflow-mid-step");
        await record(db, key, value);
        return value;
      },
      sendEvent: async (id, events) => {
        const key = keyOf(id);
        if (key in done) return done[key];
        const list = Array.isArray(events) ? events : [events];
        // The events and the step's record commit together: a retry neither loses nor repeats them.
        const ids = await db.$transaction(async (tx) => {
          const written = await enqueueWorkflowEvents(tx, list);
          await record(tx, key, { ids: written });
          return written;
        });
        await this.runNow(ids);
        return { ids };
      },
    };
  }

  /** Claims the cron occurrences due at `at` (each once across instances) and returns their job rows. */
  async claimDueCrons(at: Date, mode: "due" | "catch-up"): Promise<string[]> {
    const ids: string[] = [];
    for (const definition of await loadDefinitions()) {
      if (!("cron" in definition.trigger)) continue;
      let scheduledAt: Date | null;
      if (mode === "catch-up") scheduledAt = lastOccurrence(definition.trigger.cron, at);
      else {
        scheduledAt = cronMatches(definition.trigger.cron, at) ? new Date(at) : null;
        scheduledAt?.setUTCSeconds(0, 0);
      }
      if (!scheduledAt) continue;
      const occurrence = scheduledAt;
      const id = await db.$transaction(async (tx) => {
        const claimed = await tx.$executeRaw`
          INSERT INTO "WorkflowCronClaim" ("functionId", "scheduledAt", "claimedBy") VALUES (${definition.id}, ${occurrence}, ${this.instanceId})
          ON CONFLICT DO NOTHING`;
        if (claimed === 0) return null;
        const row = await tx.workflowJob.create({
          data: { eventName: CRON_EVENT, eventData: { scheduledAt: occurrence.toISOString() }, functionId: definition.id, runAt: this.now() },
          select: { id: true },
        });
        return row.id;
      });
      if (id) ids.push(id);
    }
    return ids;
  }

  /** Claims and runs the crons due at `at`. */
  async fireDueCrons(at: Date, mode: "due" | "catch-up" = "due"): Promise<InProcessRun[]> {
    const ids = await this.claimDueCrons(at, mode);
    return ids.length ? this.runNow(ids) : [];
  }

  /**
   * After a boot on PGlite nothing else can hold a row (one process per data directory): rows left RUNNING
   * by a crashed process are released now instead of when their lease runs out. Their attempt stays counted.
   */
  async releaseOrphans(): Promise<number> {
    const released = await db.workflowJob.updateMany({ where: { status: "RUNNING" }, data: { status: "PENDING", leaseUntil: null, lockedBy: null, runAt: this.now() } });
    return released.count;
  }

  /** Deletes finished rows past their use: succeeded after 2 days, failed after 30, cron claims after 7. */
  async prune(): Promise<void> {
    const now = this.now().getTime();
    await db.workflowJob.deleteMany({ where: { status: "SUCCEEDED", finishedAt: { lt: new Date(now - 2 * 86_400_000) } } });
    await db.workflowJob.deleteMany({ where: { status: "FAILED", finishedAt: { lt: new Date(now - 30 * 86_400_000) } } });
    await db.workflowCronClaim.deleteMany({ where: { scheduledAt: { lt: new Date(now - 7 * 86_400_000) } } });
  }
}

/** This process's runner (the server's, and the one tests use unless they make their own). */
export function workflowRunner(): WorkflowRunner {
  return (runners.current ??= new WorkflowRunner());
}

/** Runs these outbox rows now (after the commit that wrote them). Never throws: the poller has them otherwise. */
export async function dispatchWorkflowJobs(ids: readonly string[]): Promise<InProcessRun[]> {
  if (!ids.length) return [];
  try {
    return await workflowRunner().runNow(ids);
  } catch (error) {
    logger.error({ err: error }, "could not run workflow jobs now: the runner's poller will");
    return [];
  }
}

/** Writes an event (outside any transaction) and runs what it triggers. Never throws: failures are logged. */
export async function dispatchInProcess(event: LatchkeyEvent): Promise<InProcessRun[]> {
  let ids: string[];
  try {
    ids = await db.$transaction((tx) => enqueueWorkflowEvents(tx, [event]));
  } catch (error) {
    logger.error({ err: error, event: event.name }, "workflow event rejected or not written");
    return [];
  }
  return dispatchWorkflowJobs(ids);
}

/** Runs one cron function now, as if its schedule fired at `now`, without a claim (tests move this clock). */
export async function runCronInProcess(functionId: string, now = new Date()): Promise<unknown> {
  const definition = (await loadDefinitions()).find((d) => d.id === functionId);
  if (!definition || !("cron" in definition.trigger)) throw new Error(`no cron function "${functionId}"`);
  const job = await db.workflowJob.create({
    data: { eventName: CRON_EVENT, eventData: { scheduledAt: now.toISOString() }, functionId, status: "RUNNING", attempts: 1, lockedBy: workflowRunner().instanceId, leaseUntil: new Date(Date.now() + 60_000) },
  });
  const runner = workflowRunner();
  const [run] = await runner.execute(job);
  if (!run?.ok) throw new Error(`cron function "${functionId}" failed (see the log; it will be retried)`);
  return run.result;
}

/** How long after boot each cron's latest occurrence is claimed if nobody ran it. */
const CATCH_UP_DELAY_MS = 30_000;
/** How often the poller looks for rows to run (retries, rows of a crashed process, another instance's). */
const POLL_INTERVAL_MS = 5_000;

/**
 * The background part: a poller that runs due rows (both modes: on Inngest it hands pending events to
 * Inngest), and, in-process, the cron timer at the top of every minute plus the catch-up after boot.
 * Once per process.
 */
export async function startWorkflowRunner(options: { crons: boolean }): Promise<void> {
  if (schedule.poller) return;
  const runner = workflowRunner();
  if (databaseKind() === "pglite") {
    const released = await runner.releaseOrphans().catch(() => 0);
    if (released) logger.warn({ released }, "workflow runs interrupted by the last stop are run again");
  }
  let busy = false;
  let lastPrune = 0;
  const poll = async () => {
    if (busy) return;
    busy = true;
    try {
      await runner.drain();
      if (Date.now() - lastPrune > 3_600_000) {
        lastPrune = Date.now();
        await runner.prune();
      }
    } catch (error) {
      logger.error({ err: error }, "the workflow poller failed; it tries again shortly");
    } finally {
      busy = false;
    }
  };
  schedule.poller = setInterval(() => void poll(), POLL_INTERVAL_MS);
  schedule.poller.unref();
  void poll();
  if (!options.crons) return;
  const fire = (at: Date, mode: "due" | "catch-up") =>
    void runner.fireDueCrons(at, mode).catch((error: unknown) => logger.error({ err: error }, "could not claim the scheduled workflows"));
  const catchUp = setTimeout(() => fire(new Date(), "catch-up"), CATCH_UP_DELAY_MS);
  catchUp.unref();
  const untilNextMinute = 60_000 - (Date.now() % 60_000);
  const first = setTimeout(() => {
    fire(new Date(), "due");
    schedule.timer = setInterval(() => fire(new Date(), "due"), 60_000);
    schedule.timer.unref();
  }, untilNextMinute);
  first.unref();
  schedule.timer = first;
}
