import "server-only";
// Runs Latchkey's workflow definitions inside this process when no Inngest is configured: an event runs
// every function it triggers right away (awaited, so a caller's transaction has committed and a test sees
// the outcome), crons fire on a minute timer. Functions that share a concurrency key (one authorization)
// run one at a time. What this cannot give: in-flight steps are lost on a restart and a failed function is
// not retried; the scans are DB-driven and idempotent, so the next scheduled run catches up.
import type { WorkflowDefinition, WorkflowStep } from "./workflow-definition";
import { eventSchema, type LatchkeyEvent } from "./events";
import { logger } from "@/lib/log/logger";
import { processLocal } from "@/lib/runtime/process-local";
import { cronMatches } from "./cron-schedule";

const locks = processLocal("workflowLocks", () => new Map<string, Promise<unknown>>());
const schedule = processLocal("workflowSchedule", (): { timer?: NodeJS.Timeout } => ({}));
const definitions = processLocal("workflowDefinitions", (): { load?: () => Promise<WorkflowDefinition[]> } => ({}));

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

/** `event.data.authorizationId` → the event's authorizationId; other expressions are not supported here. */
function concurrencyKeyOf(expression: string | undefined, event: { data: unknown }): string | undefined {
  if (!expression) return undefined;
  const match = /^event\.data\.([A-Za-z0-9_]+)$/.exec(expression);
  if (!match) throw new Error(`the in-process runner cannot evaluate the concurrency key "${expression}"`);
  const value = (event.data as Record<string, unknown> | null)?.[match[1]!];
  return typeof value === "string" ? `${match[1]}:${value}` : undefined;
}

/** Runs `job` after every earlier job with the same key has finished. */
async function serialized<T>(key: string | undefined, job: () => Promise<T>): Promise<T> {
  if (!key) return job();
  const previous = locks.get(key) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(job);
  const tail = next.catch(() => undefined);
  locks.set(key, tail);
  try {
    return await next;
  } finally {
    if (locks.get(key) === tail) locks.delete(key);
  }
}

function stepTools(functionId: string): WorkflowStep {
  return {
    async run(id, fn) {
      try {
        return await fn();
      } catch (error) {
        logger.error({ err: error, function: functionId, step: id }, "workflow step failed");
        throw error;
      }
    },
    async sendEvent(_id, events) {
      for (const event of Array.isArray(events) ? events : [events]) await dispatchInProcess(event);
    },
  };
}

export interface InProcessRun {
  functionId: string;
  ok: boolean;
  result?: unknown;
}

/** Validates an event and runs every function it triggers. Never throws: failures are logged and reported. */
export async function dispatchInProcess(event: LatchkeyEvent): Promise<InProcessRun[]> {
  const schema = eventSchema(event.name);
  const parsed = schema?.safeParse(event.data);
  if (!parsed?.success) {
    logger.error({ event: event.name }, "workflow event rejected: its data does not match the schema");
    return [];
  }
  const runs: InProcessRun[] = [];
  for (const definition of await loadDefinitions()) {
    if (!("event" in definition.trigger) || definition.trigger.event !== event.name) continue;
    const run = definition.run as (event: { name: string; data: unknown }, step: WorkflowStep) => Promise<unknown>;
    const validated = { name: event.name, data: parsed.data };
    try {
      const result = await serialized(concurrencyKeyOf(definition.concurrencyKey, validated), () => run(validated, stepTools(definition.id)));
      runs.push({ functionId: definition.id, ok: true, result });
    } catch (error) {
      logger.error({ err: error, function: definition.id, event: event.name }, "workflow function failed");
      runs.push({ functionId: definition.id, ok: false });
    }
  }
  return runs;
}

/** Runs one cron function now, as if its schedule fired at `now` (tests move this clock). */
export async function runCronInProcess(functionId: string, now = new Date()): Promise<unknown> {
  const definition = (await loadDefinitions()).find((d) => d.id === functionId);
  if (!definition || !("cron" in definition.trigger)) throw new Error(`no cron function "${functionId}"`);
  const run = definition.run as (now: Date, step: WorkflowStep) => Promise<unknown>;
  return run(now, stepTools(definition.id));
}

async function fireDue(at: Date, all: boolean): Promise<void> {
  for (const definition of await loadDefinitions()) {
    if (!("cron" in definition.trigger)) continue;
    if (!all && !cronMatches(definition.trigger.cron, at)) continue;
    await runCronInProcess(definition.id, at).catch((error: unknown) => logger.error({ err: error, function: definition.id }, "scheduled workflow failed"));
  }
}

/** How long after boot every cron function runs once (a laptop is rarely on at 06:00 UTC). */
const CATCH_UP_DELAY_MS = 30_000;

/**
 * The in-process schedule: a timer at the top of every minute fires the crons due in it, and every cron
 * runs once shortly after boot to catch up (the scans are idempotent). Once per process.
 */
export function startInProcessSchedule(): void {
  if (schedule.timer) return;
  const tick = () => {
    const at = new Date();
    at.setUTCSeconds(0, 0);
    void fireDue(at, false);
  };
  const catchUp = setTimeout(() => void fireDue(new Date(), true), CATCH_UP_DELAY_MS);
  catchUp.unref();
  const untilNextMinute = 60_000 - (Date.now() % 60_000);
  const first = setTimeout(() => {
    tick();
    schedule.timer = setInterval(tick, 60_000);
    schedule.timer.unref();
  }, untilNextMinute);
  first.unref();
  schedule.timer = first;
}
