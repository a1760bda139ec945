// How a Latchkey workflow is declared, whichever engine runs it: Inngest (inngest/workflow.ts turns each
// declaration into an Inngest function) or the in-process runner. Handlers see a small step API (`run`,
// `sendEvent`) that both engines provide; step results must be plain JSON (ids, counts, strings), since
// Inngest stores them between invocations.
import type { EventType } from "inngest";
import type { z } from "zod";
import type { LatchkeyEvent } from "./events";

export interface WorkflowStep {
  run<T>(id: string, fn: () => Promise<T>): Promise<T>;
  sendEvent(id: string, events: LatchkeyEvent | LatchkeyEvent[]): Promise<unknown>;
}

/** Serializes every function that touches one authorization, across functions (scope "env"). */
export const PER_AUTHORIZATION = "event.data.authorizationId";

export type AnyEventType = EventType<string, z.ZodType<Record<string, unknown>, Record<string, unknown>>>;

export interface BaseDefinition {
  id: string;
  name: string;
  /** A CEL expression over the event (Inngest) that the in-process runner also understands (`event.data.<field>`). */
  concurrencyKey?: string;
}

export type WorkflowDefinition =
  | (BaseDefinition & { trigger: { event: string }; run: (event: { name: string; data: unknown }, step: WorkflowStep) => Promise<unknown> })
  | (BaseDefinition & { trigger: { cron: string }; run: (now: Date, step: WorkflowStep) => Promise<unknown> });
