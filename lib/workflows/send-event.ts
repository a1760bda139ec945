import "server-only";
// The one way lib/ announces what happened to an authorization or the app client. Call it after the
// transaction that made the change has committed. On Inngest the event is sent to Inngest; in-process the
// functions it triggers run now. Never throws: the database already holds the truth, and a lost event is
// logged (the scans catch up on everything DB-driven).
import type { LatchkeyEvent } from "./events";
import { readServerEnv } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import { inngestConnection } from "./mode";

export async function sendWorkflowEvent(event: LatchkeyEvent): Promise<void> {
  try {
    if (inngestConnection(readServerEnv()).mode === "inngest") {
      const { inngest } = await import("./inngest-client");
      await inngest.send(event);
      return;
    }
    const { dispatchInProcess } = await import("./in-process-runner");
    await dispatchInProcess(event);
  } catch (error) {
    logger.error({ err: error, event: event.name }, "could not send a workflow event");
  }
}
