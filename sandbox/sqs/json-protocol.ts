// The subset of Amazon SQS's JSON protocol (awsJson1_0, query-compatible) that `@aws-sdk/client-sqs` v3
// speaks: `POST /` with `X-Amz-Target: AmazonSQS.<Operation>` and `Content-Type: application/x-amz-json-1.0`.
// Request and response members are the SDK's (schemas_0.js of client-sqs 3.1169.0). Errors carry
// `{"__type":"com.amazonaws.sqs#<Name>","message":"..."}` plus the `x-amzn-query-error: <QueryCode>;Sender`
// header the SDK reads for query-compatible services. SigV4 signatures are accepted without checking.
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { header, parseJson, readBody } from "../http/body";
import { sendJson } from "../http/respond";
import { type SqsMessage, type SqsQueue, type SqsQueues, SQS_LIMITS } from "./queues";

const CONTENT_TYPE = "application/x-amz-json-1.0";
const TARGET_PREFIX = "AmazonSQS.";

/** True for a request the SDK sent (any path: the SDK posts to the endpoint's path, or `/` when it follows the queue URL). */
export function isSqsRequest(req: IncomingMessage): boolean {
  return req.method === "POST" && (header(req, "x-amz-target") ?? "").startsWith(TARGET_PREFIX);
}

interface SqsErrorSpec {
  status: number;
  type: string;
  queryCode: string;
}

const ERRORS = {
  QueueDoesNotExist: { status: 400, type: "com.amazonaws.sqs#QueueDoesNotExist", queryCode: "AWS.SimpleQueueService.NonExistentQueue" },
  ReceiptHandleIsInvalid: { status: 404, type: "com.amazonaws.sqs#ReceiptHandleIsInvalid", queryCode: "ReceiptHandleIsInvalid" },
  MessageNotInflight: { status: 400, type: "com.amazonaws.sqs#MessageNotInflight", queryCode: "AWS.SimpleQueueService.MessageNotInflight" },
  InvalidParameterValue: { status: 400, type: "com.amazonaws.sqs#InvalidParameterValue", queryCode: "InvalidParameterValue" },
  InvalidMessageContents: { status: 400, type: "com.amazonaws.sqs#InvalidMessageContents", queryCode: "InvalidMessageContents" },
  MissingParameter: { status: 400, type: "com.amazonaws.sqs#MissingParameter", queryCode: "MissingParameter" },
  UnknownOperation: { status: 400, type: "com.amazon.coral.service#UnknownOperationException", queryCode: "UnknownOperation" },
  SerializationException: { status: 400, type: "com.amazon.coral.service#SerializationException", queryCode: "SerializationException" },
} as const satisfies Record<string, SqsErrorSpec>;

type SqsErrorName = keyof typeof ERRORS;

class SqsError extends Error {
  constructor(
    readonly name: SqsErrorName,
    message: string,
  ) {
    super(message);
  }
}

function sendSqsError(res: ServerResponse, error: SqsError): void {
  const spec = ERRORS[error.name];
  sendJson(res, spec.status, { __type: spec.type, message: error.message }, { "content-type": CONTENT_TYPE, "x-amzn-query-error": `${spec.queryCode};Sender`, "x-amzn-requestid": crypto.randomUUID() });
}

function sendResult(res: ServerResponse, body: unknown): void {
  sendJson(res, 200, body, { "content-type": CONTENT_TYPE, "x-amzn-requestid": crypto.randomUUID() });
}

const queueUrl = z.string().min(1);
const int = z.number().int();
const schemas = {
  ReceiveMessage: z.object({
    QueueUrl: queueUrl,
    AttributeNames: z.array(z.string()).optional(),
    MessageSystemAttributeNames: z.array(z.string()).optional(),
    MessageAttributeNames: z.array(z.string()).optional(),
    MaxNumberOfMessages: int.min(1).max(SQS_LIMITS.maxMessagesPerReceive).optional(),
    VisibilityTimeout: int.min(0).max(SQS_LIMITS.maxVisibilityTimeoutSeconds).optional(),
    WaitTimeSeconds: int.min(0).max(SQS_LIMITS.maxWaitTimeSeconds).optional(),
    ReceiveRequestAttemptId: z.string().optional(),
  }),
  DeleteMessage: z.object({ QueueUrl: queueUrl, ReceiptHandle: z.string().min(1) }),
  ChangeMessageVisibility: z.object({ QueueUrl: queueUrl, ReceiptHandle: z.string().min(1), VisibilityTimeout: int.min(0).max(SQS_LIMITS.maxVisibilityTimeoutSeconds) }),
  GetQueueUrl: z.object({ QueueName: z.string().min(1), QueueOwnerAWSAccountId: z.string().optional() }),
  SendMessage: z.object({ QueueUrl: queueUrl, MessageBody: z.string(), DelaySeconds: int.min(0).max(SQS_LIMITS.maxDelaySeconds).optional() }),
  GetQueueAttributes: z.object({ QueueUrl: queueUrl, AttributeNames: z.array(z.string()).optional() }),
} as const;

type Operation = keyof typeof schemas;

function parse<O extends Operation>(operation: O, value: unknown): z.output<(typeof schemas)[O]> {
  const parsed = schemas[operation].safeParse(value);
  if (parsed.success) return parsed.data as z.output<(typeof schemas)[O]>;
  const issue = parsed.error.issues[0];
  const field = issue?.path.join(".") ?? "request";
  if (issue?.code === "invalid_type" && issue.input === undefined) throw new SqsError("MissingParameter", `The request must contain the parameter ${field}.`);
  throw new SqsError("InvalidParameterValue", `Value for parameter ${field} is invalid. Reason: ${issue?.message ?? "invalid"}.`);
}

function queueOrThrow(sqs: SqsQueues, url: string): SqsQueue {
  const queue = sqs.byUrl(url);
  if (!queue) throw new SqsError("QueueDoesNotExist", "The specified queue does not exist.");
  return queue;
}

const SYSTEM_ATTRIBUTES = ["ApproximateReceiveCount", "SentTimestamp", "ApproximateFirstReceiveTimestamp", "SenderId"] as const;

function systemAttributes(message: SqsMessage, requested: string[]): Record<string, string> | undefined {
  const all = requested.includes("All");
  const values: Record<(typeof SYSTEM_ATTRIBUTES)[number], string> = {
    ApproximateReceiveCount: String(message.receiveCount),
    SentTimestamp: String(message.sentAt),
    ApproximateFirstReceiveTimestamp: String(message.firstReceivedAt ?? message.sentAt),
    SenderId: message.sender === "sandbox" ? "AIDASANDBOXAMAZON" : "AIDASANDBOXTEST",
  };
  const out: Record<string, string> = {};
  for (const name of SYSTEM_ATTRIBUTES) if (all || requested.includes(name)) out[name] = values[name];
  return Object.keys(out).length > 0 ? out : undefined;
}

async function run(sqs: SqsQueues, operation: string, input: unknown, signal: AbortSignal): Promise<unknown> {
  switch (operation) {
    case "ReceiveMessage": {
      const request = parse("ReceiveMessage", input);
      const queue = queueOrThrow(sqs, request.QueueUrl);
      const messages = await sqs.receive(queue, {
        max: request.MaxNumberOfMessages ?? 1,
        visibilitySeconds: request.VisibilityTimeout ?? queue.visibilityTimeoutSeconds,
        waitSeconds: request.WaitTimeSeconds ?? 0,
        signal,
      });
      if (messages.length === 0) return {};
      const requested = [...(request.AttributeNames ?? []), ...(request.MessageSystemAttributeNames ?? [])];
      return {
        Messages: messages.map((message) => {
          const attributes = systemAttributes(message, requested);
          return {
            MessageId: message.messageId,
            ReceiptHandle: message.receiptHandle,
            MD5OfBody: message.md5OfBody,
            Body: message.body,
            ...(attributes ? { Attributes: attributes } : {}),
          };
        }),
      };
    }
    case "DeleteMessage": {
      const request = parse("DeleteMessage", input);
      const queue = queueOrThrow(sqs, request.QueueUrl);
      const found = sqs.lookupReceipt(queue, request.ReceiptHandle);
      if (found.kind === "unknown") throw new SqsError("ReceiptHandleIsInvalid", `The input receipt handle "${request.ReceiptHandle}" is not a valid receipt handle.`);
      // A stale handle (the message was received again, or is gone) succeeds without deleting, as in SQS.
      if (found.kind === "current") sqs.delete(queue, found.message);
      return {};
    }
    case "ChangeMessageVisibility": {
      const request = parse("ChangeMessageVisibility", input);
      const queue = queueOrThrow(sqs, request.QueueUrl);
      const found = sqs.lookupReceipt(queue, request.ReceiptHandle);
      if (found.kind !== "current") throw new SqsError("ReceiptHandleIsInvalid", `The input receipt handle "${request.ReceiptHandle}" is not a valid receipt handle.`);
      if (!sqs.inFlight(found.message)) throw new SqsError("MessageNotInflight", "The message referred to isn't in flight.");
      sqs.changeVisibility(found.message, request.VisibilityTimeout);
      return {};
    }
    case "GetQueueUrl": {
      const request = parse("GetQueueUrl", input);
      const queue = sqs.byName(request.QueueName);
      if (!queue) throw new SqsError("QueueDoesNotExist", "The specified queue does not exist.");
      return { QueueUrl: sqs.url(queue) };
    }
    case "SendMessage": {
      const request = parse("SendMessage", input);
      const queue = queueOrThrow(sqs, request.QueueUrl);
      if (request.MessageBody.length === 0) throw new SqsError("MissingParameter", "The request must contain the parameter MessageBody.");
      if (Buffer.byteLength(request.MessageBody) > SQS_LIMITS.maxBodyBytes) throw new SqsError("InvalidParameterValue", "One or more parameters are invalid. Reason: Message must be shorter than 262144 bytes.");
      const message = sqs.send(queue, request.MessageBody, { delaySeconds: request.DelaySeconds, sender: "api" });
      return { MessageId: message.messageId, MD5OfMessageBody: message.md5OfBody };
    }
    case "GetQueueAttributes": {
      const request = parse("GetQueueAttributes", input);
      const queue = queueOrThrow(sqs, request.QueueUrl);
      const visible = queue.messages.filter((message) => sqs.isVisible(message)).length;
      const all: Record<string, string> = {
        QueueArn: sqs.arn(queue),
        VisibilityTimeout: String(queue.visibilityTimeoutSeconds),
        ApproximateNumberOfMessages: String(visible),
        ApproximateNumberOfMessagesNotVisible: String(queue.messages.length - visible),
      };
      const names = request.AttributeNames ?? [];
      const Attributes = names.includes("All") ? all : Object.fromEntries(Object.entries(all).filter(([name]) => names.includes(name)));
      return { Attributes };
    }
    default:
      throw new SqsError("UnknownOperation", `The operation ${operation} is not supported by the sandbox.`);
  }
}

/** Handles one SQS JSON-protocol request. */
export async function handleSqsRequest(sqs: SqsQueues, req: IncomingMessage, res: ServerResponse, closing: AbortSignal): Promise<void> {
  const operation = (header(req, "x-amz-target") ?? "").slice(TARGET_PREFIX.length);
  const disconnected = new AbortController();
  res.on("close", () => disconnected.abort());
  try {
    const json = parseJson(await readBody(req));
    if (!json.ok) throw new SqsError("SerializationException", "The request body is not valid JSON.");
    sendResult(res, await run(sqs, operation, json.value, AbortSignal.any([closing, disconnected.signal])));
  } catch (error) {
    if (error instanceof SqsError) return sendSqsError(res, error);
    throw error;
  }
}
