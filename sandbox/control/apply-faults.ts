import type { ServerResponse } from "node:http";
import { setTimeout as delay } from "node:timers/promises";
import type { SandboxContext } from "../context";

export type FailingFaultKind = "5xx" | "429" | "invalid_grant" | "malformed";

/** Answers a request the way the faulted surface (LWA, SP-API, consent pages) fails. */
export type FaultResponder = (kind: FailingFaultKind, status: number) => void;

const DEFAULT_LATENCY_MS = 1000;

function defaultStatus(kind: FailingFaultKind): number {
  if (kind === "5xx") return 500;
  if (kind === "429") return 429;
  if (kind === "malformed") return 200;
  return 400;
}

/**
 * Applies the faults matching `keys`. Returns "handled" when the request was answered (or is being
 * held open by a timeout fault) and the real handler must not run.
 */
export async function applyFaults(ctx: SandboxContext, keys: readonly string[], res: ServerResponse, respond: FaultResponder): Promise<"continue" | "handled"> {
  for (const fault of ctx.faults.take(keys)) {
    if (fault.kind === "latency") {
      try {
        await delay(fault.delayMs ?? DEFAULT_LATENCY_MS, undefined, { signal: ctx.closing });
      } catch {
        return "handled";
      }
      continue;
    }
    if (fault.kind === "timeout") {
      ctx.faults.hold(fault.id, res);
      return "handled";
    }
    respond(fault.kind, fault.status ?? defaultStatus(fault.kind));
    return "handled";
  }
  return "continue";
}
