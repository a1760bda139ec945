import "server-only";
// How lib/ announces what happened to an authorization or the app client, durably (the outbox, outbox.ts):
// - inside the transaction that makes the change: `const id = await enqueueWorkflowEvent(tx, event)`, then
//   after commit `await dispatchWorkflowJobs([id])` — a rollback leaves no event, a commit always leaves one;
// - outside a transaction: `sendWorkflowEvent(event)` writes the row first, then dispatches it.
// Dispatching runs the event's functions now in-process, or hands the event to Inngest; whatever does not
// finish now (a failure, a crash, Inngest unreachable) is retried by the runner's poller. Never throws.
import type { LatchkeyEvent } from "./events";
import { logger } from "@/lib/log/logger";

export { enqueueWorkflowEvent, enqueueWorkflowEvents } from "./outbox";

/** Runs the outbox rows a committed transaction wrote. */
export async function dispatchWorkflowJobs(ids: readonly string[]): Promise<void> {
  if (!ids.length) return;
  try {
    const runner = await import("./in-process-runner");
    await runner.dispatchWorkflowJobs(ids);
  } catch (error) {
    logger.error({ err: error }, "could not dispatch workflow jobs now: the runner's poller will");
  }
}

export async function sendWorkflowEvent(event: LatchkeyEvent): Promise<void> {
  try {
    const { dispatchInProcess } = await import("./in-process-runner");
    await dispatchInProcess(event);
  } catch (error) {
    logger.error({ err: error, event: event.name }, "could not send a workflow event");
  }
}
