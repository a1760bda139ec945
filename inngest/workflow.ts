import "server-only";
// How a Latchkey workflow is declared: once, as an Inngest function, and at the same time as a plain
// definition the in-process runner can execute when no Inngest is configured (lib/workflows). Handlers see
// a small step API (`run`, `sendEvent`) that both engines provide; step results must be plain JSON (ids,
// counts, strings), since Inngest stores them between invocations.
import { type EventType } from "inngest";
import type { z } from "zod";
import { inngest } from "./client";
import type { LatchkeyEvent } from "./events";

export interface WorkflowStep {
  run<T>(id: string, fn: () => Promise<T>): Promise<T>;
  sendEvent(id: string, events: LatchkeyEvent | LatchkeyEvent[]): Promise<unknown>;
}

/** Serializes every function that touches one authorization, across functions (scope "env"). */
export const PER_AUTHORIZATION = "event.data.authorizationId";

type AnyEventType = EventType<string, z.ZodType<Record<string, unknown>, Record<string, unknown>>>;

interface BaseDefinition {
  id: string;
  name: string;
  /** A CEL expression over the event (Inngest) that the in-process runner also understands (`event.data.<field>`). */
  concurrencyKey?: string;
}

export type WorkflowDefinition =
  | (BaseDefinition & { trigger: { event: string }; run: (event: { name: string; data: unknown }, step: WorkflowStep) => Promise<unknown> })
  | (BaseDefinition & { trigger: { cron: string }; run: (now: Date, step: WorkflowStep) => Promise<unknown> });

type InngestStep = { run: (id: string, fn: () => Promise<unknown>) => Promise<unknown>; sendEvent: (id: string, events: unknown) => Promise<unknown> };

function adaptStep(step: InngestStep): WorkflowStep {
  return {
    // Inngest returns the JSON form of a step's result; Latchkey's steps only return JSON values.
    run: <T>(id: string, fn: () => Promise<T>) => step.run(id, fn) as Promise<T>,
    sendEvent: (id, events) => step.sendEvent(id, events),
  };
}

const RETRIES = 3;

/** A function triggered by one Latchkey event. */
export function onEvent<E extends AnyEventType, R>(
  options: BaseDefinition & { event: E },
  run: (event: { name: E["name"]; data: z.output<NonNullable<E["schema"]>> }, step: WorkflowStep) => Promise<R>,
) {
  const fn = inngest.createFunction(
    {
      id: options.id,
      name: options.name,
      retries: RETRIES,
      triggers: [options.event],
      ...(options.concurrencyKey ? { concurrency: [{ key: options.concurrencyKey, scope: "env" as const, limit: 1 }] } : {}),
    },
    // The context's step tools are Inngest's; the handler only needs run and sendEvent.
    async ({ event, step }) => run({ name: event.name, data: event.data as z.output<NonNullable<E["schema"]>> }, adaptStep(step as unknown as InngestStep)),
  );
  const definition: WorkflowDefinition = {
    id: options.id,
    name: options.name,
    concurrencyKey: options.concurrencyKey,
    trigger: { event: options.event.name },
    run: (event: { name: string; data: unknown }, step: WorkflowStep) => run(event as { name: E["name"]; data: z.output<NonNullable<E["schema"]>> }, step),
  };
  return { fn, definition };
}

/** A function on a schedule. `now` is the time the schedule fired (the cron event's timestamp on Inngest). */
export function onCron<R>(options: BaseDefinition & { cron: string }, run: (now: Date, step: WorkflowStep) => Promise<R>) {
  const fn = inngest.createFunction(
    { id: options.id, name: options.name, retries: RETRIES, triggers: [{ cron: options.cron }] },
    async ({ event, step }: { event: { ts?: number }; step: unknown }) => run(new Date(typeof event.ts === "number" ? event.ts : Date.now()), adaptStep(step as InngestStep)),
  );
  const definition: WorkflowDefinition = { id: options.id, name: options.name, trigger: { cron: options.cron }, run };
  return { fn, definition };
}

export type Workflow = ReturnType<typeof onEvent> | ReturnType<typeof onCron>;
