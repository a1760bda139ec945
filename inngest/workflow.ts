import "server-only";
// A Latchkey workflow is declared once: as an Inngest function, and at the same time as the plain definition
// (lib/workflows/workflow-definition.ts) the in-process runner executes when no Inngest is configured.
import type { z } from "zod";
import type { AnyEventType, BaseDefinition, WorkflowDefinition, WorkflowStep } from "@/lib/workflows/workflow-definition";
import { inngest } from "@/lib/workflows/inngest-client";

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
