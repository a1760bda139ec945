import "server-only";
// The SQS door: long-polls the queue Amazon sends the client-secret notifications to and hands each
// message to handleAmazonNotification. A message is deleted only after the handler resolved, i.e. after
// its effect is committed; anything else leaves it in the queue, and SQS delivers it again once its
// visibility timeout ends (the handler is idempotent, so a redelivery changes nothing that was done).
import { DeleteMessageCommand, type Message, ReceiveMessageCommand, SQSClient } from "@aws-sdk/client-sqs";
import { readServerEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/log";
import { handleAmazonNotification, NotificationRetryLater, type NotificationResult } from "./handle-amazon-notification";
import { faultPoint } from "@/lib/runtime/fault-point";

export interface SqsConsumerOptions {
  /** Defaults to SQS_QUEUE_URL (or the sandbox's queue when AMAZON_ENDPOINTS=sandbox). */
  queueUrl?: string;
  /** Defaults to a client for SQS_REGION / SQS_ENDPOINT. */
  client?: SQSClient;
  /** Long-poll wait (0–20 s), default SQS_WAIT_TIME_SECONDS. */
  waitTimeSeconds?: number;
  /** How long a received message stays invisible while it is handled, default SQS_VISIBILITY_TIMEOUT_SECONDS. */
  visibilityTimeoutSeconds?: number;
  maxMessages?: number;
  signal?: AbortSignal;
  /**
   * Test hook, called after the handler committed and before the message is deleted. Throwing here
   * simulates a crash between storing and deleting: the message stays and is delivered again.
   */
  beforeDelete?: (message: Message, result: NotificationResult) => void | Promise<void>;
}

export interface MessageOutcome {
  messageId: string;
  /** What the handler did, or why the message was kept or dropped. */
  outcome: NotificationResult["outcome"] | "invalid" | "retry_later" | "failed" | "crashed_before_delete";
  deleted: boolean;
}

export interface PollResult {
  received: number;
  messages: MessageOutcome[];
}

function defaultClient(): SQSClient {
  const { sqs } = readServerEnv();
  return new SQSClient({
    region: sqs.region,
    ...(sqs.endpoint ? { endpoint: sqs.endpoint } : {}),
    // The sandbox accepts any signature; real SQS uses the AWS credential chain (env, profile, role).
    ...(sqs.sandboxCredentials ? { credentials: { accessKeyId: "latchkey-sandbox", secretAccessKey: "latchkey-sandbox" } } : {}),
  });
}

function resolveQueueUrl(options: SqsConsumerOptions): string {
  const queueUrl = options.queueUrl ?? readServerEnv().sqs.queueUrl;
  if (!queueUrl) throw new AppError("config_error", "No SQS queue is configured: set SQS_QUEUE_URL (and SQS_REGION).");
  return queueUrl;
}

async function handleMessage(client: SQSClient, queueUrl: string, message: Message, options: SqsConsumerOptions): Promise<MessageOutcome> {
  const messageId = message.MessageId ?? "unknown";
  const remove = async () => {
    await client.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle }), { abortSignal: options.signal });
  };
  let result: NotificationResult;
  try {
    result = await handleAmazonNotification(message.Body ?? "", "sqs");
  } catch (error) {
    if (error instanceof AppError && error.code === "invalid_input") {
      // Not a notification we can read: redelivering it would never help.
      logger.warn({ messageId, reason: error.message }, "dropped an SQS message that is not an SP-API notification");
      await remove();
      return { messageId, outcome: "invalid", deleted: true };
    }
    if (error instanceof NotificationRetryLater) {
      logger.warn({ messageId, err: error }, "notification kept in the queue for a later attempt");
      return { messageId, outcome: "retry_later", deleted: false };
    }
    logger.error({ messageId, err: error }, "notification handling failed; the message stays in the queue");
    return { messageId, outcome: "failed", deleted: false };
  }
  try {
    await options.beforeDelete?.(message, result);
  } catch {
    return { messageId, outcome: "crashed_before_delete", deleted: false };
  }
  await faultPoint("secret-stored-before-sqs-delete");
  await remove();
  return { messageId, outcome: result.outcome, deleted: true };
}

/** One long poll: receives up to `maxMessages`, handles them one by one, deletes the handled ones. */
export async function pollOnce(options: SqsConsumerOptions = {}): Promise<PollResult> {
  const env = readServerEnv();
  const client = options.client ?? defaultClient();
  const queueUrl = resolveQueueUrl(options);
  try {
    const received = await client.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: options.maxMessages ?? 10,
        WaitTimeSeconds: options.waitTimeSeconds ?? env.SQS_WAIT_TIME_SECONDS,
        VisibilityTimeout: options.visibilityTimeoutSeconds ?? env.SQS_VISIBILITY_TIMEOUT_SECONDS,
        MessageSystemAttributeNames: ["ApproximateReceiveCount"],
      }),
      { abortSignal: options.signal },
    );
    const messages: MessageOutcome[] = [];
    for (const message of received.Messages ?? []) messages.push(await handleMessage(client, queueUrl, message, options));
    return { received: received.Messages?.length ?? 0, messages };
  } finally {
    if (!options.client) client.destroy();
  }
}

export interface SqsConsumer {
  /** Stops after the current poll (aborting its wait) and resolves when the loop has ended. */
  stop(): Promise<void>;
}

/**
 * Runs the consumer in this process until stopped: poll after poll, backing off (1 s doubling to 30 s)
 * while SQS or the database fails. One consumer per deployment is enough; more are safe.
 */
export function startSqsConsumer(options: Omit<SqsConsumerOptions, "signal"> = {}): SqsConsumer {
  const controller = new AbortController();
  const client = options.client ?? defaultClient();
  const queueUrl = resolveQueueUrl(options);
  logger.info({ queueUrl }, "SQS notification consumer started");
  const loop = (async () => {
    let backoffMs = 1000;
    while (!controller.signal.aborted) {
      try {
        await pollOnce({ ...options, client, queueUrl, signal: controller.signal });
        backoffMs = 1000;
      } catch (error) {
        if (controller.signal.aborted) break;
        logger.error({ err: error, queueUrl }, "SQS poll failed; retrying");
        await new Promise((resolve) => setTimeout(resolve, backoffMs));
        backoffMs = Math.min(backoffMs * 2, 30_000);
      }
    }
    if (!options.client) client.destroy();
    logger.info({ queueUrl }, "SQS notification consumer stopped");
  })();
  return {
    stop: async () => {
      controller.abort();
      await loop;
    },
  };
}
