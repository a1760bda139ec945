// Helpers for the app-client tests: a real SQS client on the sandbox's queue and small DB snapshots.
import { SQSClient } from "@aws-sdk/client-sqs";
import type { Sandbox } from "@/sandbox/server";
import { invalidateClientCredentials } from "@/lib/app-client/client-credentials";
import { pollOnce, type PollResult, type SqsConsumerOptions } from "@/lib/app-client/notifications/sqs-consumer";
import { db } from "@/lib/db/client";
import { forgetAllMemoryTokens } from "@/lib/token-cache/token-cache";
import { sandboxControl } from "../../support/sandbox-session";

export interface QueueView {
  url: string;
  messages: { messageId: string; body: string; receiveCount: number; state: string }[];
}

export function sqsClientFor(sandbox: Sandbox): SQSClient {
  return new SQSClient({ region: "us-east-1", endpoint: `${sandbox.url}/sqs`, credentials: { accessKeyId: "test", secretAccessKey: "test" } });
}

export async function queueOf(sandbox: Sandbox): Promise<QueueView> {
  return sandboxControl<QueueView>(sandbox, "GET", "/sqs/queue");
}

/** One consumer poll against the sandbox queue, with a short wait. */
export async function poll(sandbox: Sandbox, options: Partial<SqsConsumerOptions> = {}): Promise<PollResult> {
  const client = sqsClientFor(sandbox);
  try {
    return await pollOnce({ client, queueUrl: (await queueOf(sandbox)).url, waitTimeSeconds: 1, visibilityTimeoutSeconds: 30, ...options });
  } finally {
    client.destroy();
  }
}

/** The app client's secrets, oldest first, without ciphertexts. */
export async function secrets() {
  return db.appClientSecret.findMany({
    orderBy: { version: "asc" },
    select: { version: true, state: true, source: true, fingerprint: true, expiresAt: true, verifiedAt: true },
  });
}

/**
 * Forgets every in-process and shared token and the decrypted credentials: the next call goes to LWA.
 * The shared rows are emptied rather than deleted, so refresh leases held right now stay valid.
 */
export async function forgetTokens(): Promise<void> {
  forgetAllMemoryTokens();
  invalidateClientCredentials();
  await db.accessTokenCache.updateMany({ data: { tokenCiphertext: null, expiresAt: null } });
}

export const DAY_MS = 24 * 60 * 60 * 1000;
