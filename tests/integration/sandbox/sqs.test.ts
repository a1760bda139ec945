// The sandbox's SQS, driven by the real @aws-sdk/client-sqs: the JSON protocol, visibility, receipt
// handles, long polling, and delivery of rotation notifications into the app's queue.
import {
  ChangeMessageVisibilityCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  QueueDoesNotExist,
  ReceiptHandleIsInvalid,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
} from "@aws-sdk/client-sqs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Sandbox } from "../../../sandbox/server";
import { control, DEFAULT_APP, grantlessToken, spapi, startSandbox } from "./support/sandbox-client";

interface QueueView {
  applicationId: string;
  name: string;
  url: string;
  arn: string;
  messages: { messageId: string; body: string; receiveCount: number; state: string }[];
}

let sandbox: Sandbox;
let queue: QueueView;

function client(options: { endpoint?: boolean } = {}): SQSClient {
  return new SQSClient({
    region: "us-east-1",
    credentials: { accessKeyId: "AKIASANDBOX", secretAccessKey: "sandbox-secret" },
    ...(options.endpoint === false ? {} : { endpoint: `${sandbox.url}/sqs` }),
  });
}

beforeAll(async () => {
  sandbox = await startSandbox({
    apps: [{ applicationId: "amzn1.sp.solution.no-queue", clientId: "amzn1.application-oa2-client.no-queue", clientSecret: "no-queue-secret", redirectUris: ["https://x.example/cb"], notificationQueueEnrolled: false }],
  });
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  await control(sandbox, "POST", "/reset");
  queue = (await control<QueueView>(sandbox, "GET", "/sqs/queue")).body;
});

describe("sandbox SQS", () => {
  it("has one queue per app, shown in the state and through the control API", async () => {
    expect(queue.applicationId).toBe(DEFAULT_APP.applicationId);
    expect(queue.url).toBe(`${sandbox.url}/sqs/000000000000/${queue.name}`);
    expect(queue.arn).toBe(`arn:aws:sqs:us-east-1:000000000000:${queue.name}`);
    const state = await control<{ sqs: { applicationId: string; url: string }[] }>(sandbox, "GET", "/state");
    expect(state.body.sqs).toEqual(expect.arrayContaining([expect.objectContaining({ applicationId: DEFAULT_APP.applicationId, url: queue.url })]));
    const sqs = client();
    expect((await sqs.send(new GetQueueUrlCommand({ QueueName: queue.name }))).QueueUrl).toBe(queue.url);
    await expect(sqs.send(new GetQueueUrlCommand({ QueueName: "nope" }))).rejects.toBeInstanceOf(QueueDoesNotExist);
  });

  it("sends, receives with a receipt handle and receive count, hides in-flight messages, and deletes", async () => {
    const sqs = client();
    const sent = await sqs.send(new SendMessageCommand({ QueueUrl: queue.url, MessageBody: '{"hello":"world"}' }));
    expect(sent.MessageId).toBeTruthy();

    const first = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queue.url, MaxNumberOfMessages: 10, MessageSystemAttributeNames: ["All"] }));
    expect(first.Messages).toHaveLength(1);
    const message = first.Messages![0]!;
    expect(message.Body).toBe('{"hello":"world"}');
    expect(message.MessageId).toBe(sent.MessageId);
    expect(message.Attributes?.ApproximateReceiveCount).toBe("1");

    // In flight: invisible to the next receive.
    expect((await sqs.send(new ReceiveMessageCommand({ QueueUrl: queue.url }))).Messages).toBeUndefined();

    await sqs.send(new DeleteMessageCommand({ QueueUrl: queue.url, ReceiptHandle: message.ReceiptHandle }));
    expect((await control<QueueView>(sandbox, "GET", "/sqs/queue")).body.messages).toEqual([]);
    // Deleting again with the same handle succeeds (as in SQS); a made-up handle does not.
    await sqs.send(new DeleteMessageCommand({ QueueUrl: queue.url, ReceiptHandle: message.ReceiptHandle }));
    await expect(sqs.send(new DeleteMessageCommand({ QueueUrl: queue.url, ReceiptHandle: "made-up" }))).rejects.toBeInstanceOf(ReceiptHandleIsInvalid);
  });

  it("redelivers after the visibility timeout (sandbox clock) with a new receipt handle; the stale handle deletes nothing", async () => {
    const sqs = client();
    await control(sandbox, "POST", "/sqs/send", { body: { n: 1 } });
    const first = (await sqs.send(new ReceiveMessageCommand({ QueueUrl: queue.url, VisibilityTimeout: 30 }))).Messages![0]!;
    await control(sandbox, "POST", "/clock", { advanceMs: 31_000 });
    const second = (await sqs.send(new ReceiveMessageCommand({ QueueUrl: queue.url, MessageSystemAttributeNames: ["ApproximateReceiveCount"] }))).Messages![0]!;
    expect(second.MessageId).toBe(first.MessageId);
    expect(second.ReceiptHandle).not.toBe(first.ReceiptHandle);
    expect(second.Attributes?.ApproximateReceiveCount).toBe("2");

    await sqs.send(new DeleteMessageCommand({ QueueUrl: queue.url, ReceiptHandle: first.ReceiptHandle }));
    expect((await control<QueueView>(sandbox, "GET", "/sqs/queue")).body.messages).toHaveLength(1);
    await sqs.send(new DeleteMessageCommand({ QueueUrl: queue.url, ReceiptHandle: second.ReceiptHandle }));
    expect((await control<QueueView>(sandbox, "GET", "/sqs/queue")).body.messages).toHaveLength(0);
  });

  it("changes a message's visibility: 0 makes it receivable at once; a visible message is not in flight", async () => {
    const sqs = client();
    await control(sandbox, "POST", "/sqs/send", { body: "plain text" });
    const received = (await sqs.send(new ReceiveMessageCommand({ QueueUrl: queue.url }))).Messages![0]!;
    await sqs.send(new ChangeMessageVisibilityCommand({ QueueUrl: queue.url, ReceiptHandle: received.ReceiptHandle, VisibilityTimeout: 0 }));
    const again = (await sqs.send(new ReceiveMessageCommand({ QueueUrl: queue.url }))).Messages![0]!;
    expect(again.Body).toBe("plain text");
    await sqs.send(new ChangeMessageVisibilityCommand({ QueueUrl: queue.url, ReceiptHandle: again.ReceiptHandle, VisibilityTimeout: 0 }));
    await expect(sqs.send(new ChangeMessageVisibilityCommand({ QueueUrl: queue.url, ReceiptHandle: again.ReceiptHandle, VisibilityTimeout: 0 }))).rejects.toMatchObject({ name: "MessageNotInflight" });
  });

  it("long-polls: waits up to WaitTimeSeconds and returns early when a message arrives", async () => {
    const sqs = client();
    const started = Date.now();
    expect((await sqs.send(new ReceiveMessageCommand({ QueueUrl: queue.url, WaitTimeSeconds: 1 }))).Messages).toBeUndefined();
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);

    const polling = sqs.send(new ReceiveMessageCommand({ QueueUrl: queue.url, WaitTimeSeconds: 20 }));
    const pollStarted = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 200));
    await control(sandbox, "POST", "/sqs/send", { body: { late: true } });
    const result = await polling;
    expect(result.Messages?.[0]?.Body).toBe('{"late":true}');
    expect(Date.now() - pollStarted).toBeLessThan(5000);

    await expect(sqs.send(new ReceiveMessageCommand({ QueueUrl: queue.url, WaitTimeSeconds: 21 }))).rejects.toMatchObject({ name: "InvalidParameterValue" });
  });

  it("follows the queue URL's host when the client has no endpoint (the SDK then posts to /)", async () => {
    const sqs = client({ endpoint: false });
    await control(sandbox, "POST", "/sqs/send", { body: { via: "queue-url" } });
    const result = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queue.url }));
    expect(result.Messages?.[0]?.Body).toBe('{"via":"queue-url"}');
    const attributes = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queue.url, AttributeNames: ["All"] }));
    expect(attributes.Attributes).toMatchObject({ QueueArn: queue.arn, ApproximateNumberOfMessagesNotVisible: "1" });
  });

  it("refuses an unknown queue", async () => {
    await expect(client().send(new ReceiveMessageCommand({ QueueUrl: `${sandbox.url}/sqs/000000000000/missing` }))).rejects.toBeInstanceOf(QueueDoesNotExist);
  });

  it("delivers the rotation notification into the app's queue (enrolled apps only)", async () => {
    const token = await grantlessToken(sandbox, "sellingpartnerapi::client_credential:rotation");
    expect((await spapi(sandbox, "na", "POST", "/applications/2023-11-30/clientSecret", token)).status).toBe(204);
    await sandbox.state.notificationsSettled();
    const received = await client().send(new ReceiveMessageCommand({ QueueUrl: queue.url, WaitTimeSeconds: 2 }));
    const envelope = JSON.parse(received.Messages![0]!.Body!) as { notificationType: string; payload: { applicationOAuthClientNewSecret: { clientId: string } } };
    expect(envelope.notificationType).toBe("APPLICATION_OAUTH_CLIENT_NEW_SECRET");
    expect(envelope.payload.applicationOAuthClientNewSecret.clientId).toBe(DEFAULT_APP.clientId);

    await control(sandbox, "POST", "/client-secret/expiry-warning", { applicationId: "amzn1.sp.solution.no-queue" });
    const other = (await control<QueueView>(sandbox, "GET", "/sqs/queue?applicationId=amzn1.sp.solution.no-queue")).body;
    expect(other.messages).toEqual([]);
  });

  it("empties the queues on reset", async () => {
    await control(sandbox, "POST", "/sqs/send", { body: { n: 1 } });
    await control(sandbox, "POST", "/reset");
    expect((await control<QueueView>(sandbox, "GET", "/sqs/queue")).body.messages).toEqual([]);
  });
});
