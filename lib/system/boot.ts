import "server-only";
import { describeDatabase } from "@/lib/db/adapter";
import { ConfigError, readServerEnv } from "@/lib/env";
import { missingEmailProviderWarning } from "@/lib/email/mode";
import { logger } from "@/lib/log/logger";
import { processLocal } from "@/lib/runtime/process-local";
import { getKeyRing } from "@/lib/vault";
import { resolveAuthSecret } from "@/lib/auth/auth-secret";
import { describeWorkflowMode, inngestConnection } from "@/lib/workflows/mode";

/**
 * Runs once when the server starts: a bad configuration stops it with one line naming the variable,
 * and a good one is summarized so the operator sees which database, Amazon and email modes are live.
 */
export function bootCheck(): void {
  let env;
  try {
    env = readServerEnv();
    getKeyRing();
    resolveAuthSecret(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`latchkey: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  logger.info(
    {
      database: describeDatabase(env),
      amazon: env.AMAZON_ENDPOINTS === "sandbox" ? `sandbox at ${env.SANDBOX_URL}` : "Amazon production endpoints",
      email: env.RESEND_API_KEY ? "Resend" : "dev outbox (no RESEND_API_KEY)",
      workflows: describeWorkflowMode(env),
      vault: env.VAULT_MASTER_KEYS ? "master keys from VAULT_MASTER_KEYS" : `development key file ${env.VAULT_DEV_KEY_FILE}`,
    },
    "Latchkey starting",
  );
  const emailWarning = missingEmailProviderWarning();
  if (emailWarning) logger.warn(emailWarning);
}

/**
 * Background work that belongs to a running server: the SQS consumer of the app client's rotation
 * notifications, when a queue is configured (in sandbox mode, the sandbox's queue), and, when no Inngest is
 * configured, the in-process schedule of the workflow crons (client-secret checks, the daily lifecycle scan,
 * reminders, the admin digest: inngest/functions). On Inngest, Inngest fires the crons through /api/inngest.
 * In both modes the workflow runner's poller runs the outbox (lib/workflows/in-process-runner.ts).
 * Once per process.
 */
export async function startBackgroundWork(): Promise<void> {
  const started = processLocal("backgroundWork", () => ({ done: false }));
  if (started.done) return;
  started.done = true;
  const env = readServerEnv();
  if (env.sqs.queueUrl) {
    const { startSqsConsumer } = await import("@/lib/app-client/notifications/sqs-consumer");
    startSqsConsumer();
  } else {
    logger.info("no SQS queue configured: client-secret notifications arrive only through POST /api/notifications/amazon");
  }
  // Both modes: the outbox's pending rows are run (in-process) or handed to Inngest; crons only in-process.
  const { startWorkflowRunner } = await import("@/lib/workflows/in-process-runner");
  await startWorkflowRunner({ crons: inngestConnection(env).mode === "in-process" });
}
