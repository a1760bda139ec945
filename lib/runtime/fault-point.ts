// Named crash points for the chaos suite (`npm run chaos`, scripts/chaos/). `await faultPoint(name)` does
// nothing unless the test-only LATCHKEY_FAULT_POINT names this point; then the process kills itself with
// SIGKILL right there, as a power cut or `kill -9` would, so the suite can check what a restart recovers.
// LATCHKEY_FAULT_POINT is refused at boot in production (lib/env.ts), so a production server never arms one.
import { readServerEnv } from "@/lib/env";

export const FAULT_POINTS = {
  "lwa-answer-before-db-write": "LWA answered a refresh (a new access token, maybe a new refresh token) and nothing is stored yet",
  "callback-mid-way": "the OAuth callback consumed its state and exchanged the code, and has not stored the authorization",
  "secret-stored-before-sqs-delete": "a new client secret is stored and its SQS notification is not yet deleted",
  "email-mid-send": "an email was accepted by the provider and its outbox row is not yet marked sent",
  "workflow-mid-step": "a workflow step finished its work and its result is not yet recorded",
} as const;

export type FaultPointName = keyof typeof FAULT_POINTS;

export async function faultPoint(name: FaultPointName): Promise<void> {
  if (readServerEnv().LATCHKEY_FAULT_POINT !== name) return;
  // One line on stderr so the suite can tell this crash from an unexpected one; then no cleanup at all.
  process.stderr.write(`latchkey-fault-point: ${name}\n`);
  process.kill(process.pid, "SIGKILL");
  // SIGKILL is not delivered synchronously everywhere: never continue past the point.
  await new Promise<never>(() => undefined);
}
