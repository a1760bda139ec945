import "server-only";
// The outcome of every call the gateway makes to Amazon, without a database write per call: outcomes are
// collected in memory and added to the monitoring buckets (which aggregate them per minute anyway) once a
// second, or at once when many are waiting.
import { logger } from "@/lib/log";
import { recordOutcomes, type RecordedOutcome } from "@/lib/monitoring/record-outcomes";
import { processLocal } from "@/lib/runtime/process-local";

const FLUSH_INTERVAL_MS = 1000;
const FLUSH_AT = 500;

const outcomes = processLocal("gatewayOutcomes", (): { pending: RecordedOutcome[]; timer?: NodeJS.Timeout } => ({ pending: [] }));

function flushInBackground(): void {
  flushGatewayOutcomes().catch((error: unknown) => logger.warn({ err: error }, "could not record the gateway's SP-API outcomes"));
}

/** One call to Amazon: its operation, status (0 when Amazon did not answer) and latency to the answer's headers. */
export function noteGatewayOutcome(call: { authorizationId: string; operation: string; status: number; startedAt: number }): void {
  outcomes.pending.push({ authorizationId: call.authorizationId, operation: call.operation, status: call.status, latencyMs: Math.max(0, Date.now() - call.startedAt), at: new Date(call.startedAt).toISOString() });
  if (outcomes.pending.length >= FLUSH_AT) flushInBackground();
  if (!outcomes.timer) {
    outcomes.timer = setInterval(flushInBackground, FLUSH_INTERVAL_MS);
    outcomes.timer.unref();
  }
}

/** Adds the pending outcomes to the monitoring buckets now. */
export async function flushGatewayOutcomes(): Promise<void> {
  if (outcomes.pending.length === 0) return;
  const batch = outcomes.pending.splice(0);
  await recordOutcomes({ outcomes: batch }, async () => true);
}
