import "server-only";
// One deadline per token request (TOKEN_REQUEST_DEADLINE_MS): the LWA attempts, their timeouts and the backoff
// between them all fit inside it, so Latchkey answers `503 amazon_unavailable` before a client's own timeout.
// Carried through async calls, so a refresh started by a token request uses what is left of that request's
// budget (after waiting for another instance's lease, say); a refresh started on its own gets a whole budget.
import { AsyncLocalStorage } from "node:async_hooks";
import { readServerEnv } from "@/lib/env";
import { processLocal } from "@/lib/runtime/process-local";

// Per process: Next.js may load this module once per route bundle, and the deadline must cross them.
const storage = processLocal("tokenDeadline", () => new AsyncLocalStorage<number>());

/** Runs `work` under a token request's deadline (an enclosing one, if any, stays in force). */
export function withTokenDeadline<T>(work: () => Promise<T>): Promise<T> {
  if (storage.getStore() !== undefined) return work();
  return storage.run(Date.now() + readServerEnv().TOKEN_REQUEST_DEADLINE_MS, work);
}

/** The epoch milliseconds by which the current token request must be answered. */
export function tokenDeadline(): number {
  return storage.getStore() ?? Date.now() + readServerEnv().TOKEN_REQUEST_DEADLINE_MS;
}
