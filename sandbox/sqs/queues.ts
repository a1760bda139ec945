import { createHash, randomBytes } from "node:crypto";
import { newUuid } from "../ids";

/** The AWS account the sandbox's queues pretend to live in (shown in queue URLs and ARNs). */
export const SANDBOX_AWS_ACCOUNT = "000000000000";
export const SANDBOX_AWS_REGION = "us-east-1";

/** SQS limits the sandbox enforces (the real service's). */
export const SQS_LIMITS = {
  defaultVisibilityTimeoutSeconds: 30,
  maxVisibilityTimeoutSeconds: 43_200,
  maxWaitTimeSeconds: 20,
  maxMessagesPerReceive: 10,
  maxDelaySeconds: 900,
  maxBodyBytes: 262_144,
} as const;

export interface SqsMessage {
  messageId: string;
  body: string;
  md5OfBody: string;
  sentAt: number;
  /** Sandbox-clock time from which the message can be received (delay or visibility timeout). */
  visibleAt: number;
  receiveCount: number;
  firstReceivedAt?: number;
  /** Only the most recent receipt handle deletes the message (as in SQS). */
  receiptHandle?: string;
  /** "sandbox" for rotation notifications, "control" for `POST /_sandbox/sqs/send`, "api" for SendMessage. */
  sender: string;
}

export interface SqsQueue {
  name: string;
  applicationId: string;
  visibilityTimeoutSeconds: number;
  messages: SqsMessage[];
  deletedCount: number;
}

export type ReceiptLookup =
  | { kind: "current"; queue: SqsQueue; message: SqsMessage }
  /** Issued once but no longer the latest (received again since) or already deleted. */
  | { kind: "stale" }
  | { kind: "unknown" };

export function md5Hex(text: string): string {
  return createHash("md5").update(text, "utf8").digest("hex");
}

/** A queue name SQS accepts (letters, digits, `-`, `_`; at most 80) derived from an application id. */
export function queueNameFor(applicationId: string): string {
  const last = applicationId.split(".").pop() ?? applicationId;
  const base = last.replace(/[^A-Za-z0-9_-]/g, "-").slice(0, 50) || "app";
  return `${base}-spapi-notifications`;
}

interface Waiter {
  wake(): void;
}

/**
 * The sandbox's SQS: one standard queue per registered app, in memory (a sandbox restart empties it).
 * Visibility and delays run on the sandbox clock, so `POST /_sandbox/clock` makes in-flight messages
 * visible again; long polls wait in real time and wake as soon as a message arrives.
 */
export class SqsQueues {
  private readonly queues = new Map<string, SqsQueue>();
  /** Receipt handles ever issued and not yet forgotten, to tell a stale handle from a made-up one. */
  private readonly issuedHandles = new Set<string>();
  private readonly waiters = new Set<Waiter>();

  constructor(
    private readonly now: () => number,
    private readonly applicationIds: () => string[],
    private readonly baseUrl: () => string,
  ) {}

  /** Every app's queue, created on first sight of the app. */
  list(): SqsQueue[] {
    const out: SqsQueue[] = [];
    for (const applicationId of this.applicationIds()) {
      const queue = this.forApp(applicationId);
      if (queue) out.push(queue);
    }
    return out;
  }

  forApp(applicationId: string): SqsQueue | undefined {
    if (!this.applicationIds().includes(applicationId)) return undefined;
    const name = queueNameFor(applicationId);
    let queue = this.queues.get(name);
    if (!queue) {
      queue = { name, applicationId, visibilityTimeoutSeconds: SQS_LIMITS.defaultVisibilityTimeoutSeconds, messages: [], deletedCount: 0 };
      this.queues.set(name, queue);
    }
    return queue;
  }

  byName(name: string): SqsQueue | undefined {
    return this.list().find((queue) => queue.name === name);
  }

  /** Finds a queue by its URL, whatever host the caller used (`localhost` and `127.0.0.1` alike). */
  byUrl(queueUrl: string): SqsQueue | undefined {
    let pathname: string;
    try {
      pathname = new URL(queueUrl).pathname;
    } catch {
      return undefined;
    }
    const [account, name] = pathname.split("/").filter(Boolean).slice(-2);
    return account === SANDBOX_AWS_ACCOUNT && name ? this.byName(name) : undefined;
  }

  url(queue: SqsQueue): string {
    return `${this.baseUrl()}/sqs/${SANDBOX_AWS_ACCOUNT}/${queue.name}`;
  }

  arn(queue: SqsQueue): string {
    return `arn:aws:sqs:${SANDBOX_AWS_REGION}:${SANDBOX_AWS_ACCOUNT}:${queue.name}`;
  }

  send(queue: SqsQueue, body: string, options: { delaySeconds?: number; sender: string }): SqsMessage {
    const now = this.now();
    const message: SqsMessage = {
      messageId: newUuid(),
      body,
      md5OfBody: md5Hex(body),
      sentAt: now,
      visibleAt: now + (options.delaySeconds ?? 0) * 1000,
      receiveCount: 0,
      sender: options.sender,
    };
    queue.messages.push(message);
    for (const waiter of this.waiters) waiter.wake();
    return message;
  }

  /** Takes up to `max` visible messages, makes them invisible for `visibilitySeconds`, and issues new receipt handles. */
  receiveNow(queue: SqsQueue, max: number, visibilitySeconds: number): SqsMessage[] {
    const now = this.now();
    const taken: SqsMessage[] = [];
    for (const message of queue.messages) {
      if (taken.length >= max) break;
      if (message.visibleAt > now) continue;
      message.receiveCount += 1;
      message.firstReceivedAt ??= now;
      message.visibleAt = now + visibilitySeconds * 1000;
      message.receiptHandle = `${message.messageId}#${randomBytes(24).toString("base64url")}`;
      this.issuedHandles.add(message.receiptHandle);
      taken.push(message);
    }
    return taken;
  }

  /**
   * Long polling: answers at once when messages are visible, otherwise waits (real time) until one
   * arrives, the wait ends, or `signal` aborts. Re-checks every 100 ms so a clock advance is noticed.
   */
  async receive(queue: SqsQueue, options: { max: number; visibilitySeconds: number; waitSeconds: number; signal: AbortSignal }): Promise<SqsMessage[]> {
    const deadline = Date.now() + options.waitSeconds * 1000;
    for (;;) {
      const taken = this.receiveNow(queue, options.max, options.visibilitySeconds);
      const remaining = deadline - Date.now();
      if (taken.length > 0 || remaining <= 0 || options.signal.aborted) return taken;
      await this.waitForWake(Math.min(100, remaining), options.signal);
    }
  }

  private waitForWake(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise<void>((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        signal.removeEventListener("abort", finish);
        this.waiters.delete(waiter);
        resolve();
      };
      const waiter: Waiter = { wake: finish };
      const timer = setTimeout(finish, ms);
      this.waiters.add(waiter);
      signal.addEventListener("abort", finish, { once: true });
    });
  }

  lookupReceipt(queue: SqsQueue, receiptHandle: string): ReceiptLookup {
    const message = queue.messages.find((candidate) => candidate.receiptHandle === receiptHandle);
    if (message) return { kind: "current", queue, message };
    return this.issuedHandles.has(receiptHandle) ? { kind: "stale" } : { kind: "unknown" };
  }

  delete(queue: SqsQueue, message: SqsMessage): void {
    const index = queue.messages.indexOf(message);
    if (index === -1) return;
    queue.messages.splice(index, 1);
    queue.deletedCount += 1;
  }

  isVisible(message: SqsMessage): boolean {
    return message.visibleAt <= this.now();
  }

  /** True while a received message is still invisible (SQS calls it "in flight"). */
  inFlight(message: SqsMessage): boolean {
    return message.receiveCount > 0 && message.visibleAt > this.now();
  }

  changeVisibility(message: SqsMessage, seconds: number): void {
    message.visibleAt = this.now() + seconds * 1000;
    if (seconds === 0) for (const waiter of this.waiters) waiter.wake();
  }

  purge(queue: SqsQueue): number {
    const count = queue.messages.length;
    queue.messages = [];
    return count;
  }

  /** Back to empty queues with default settings (sandbox reset). */
  reset(): void {
    this.queues.clear();
    this.issuedHandles.clear();
    for (const waiter of this.waiters) waiter.wake();
  }

  /** A queue as the control API shows it. */
  view(queue: SqsQueue) {
    const now = this.now();
    return {
      applicationId: queue.applicationId,
      name: queue.name,
      url: this.url(queue),
      arn: this.arn(queue),
      visibilityTimeoutSeconds: queue.visibilityTimeoutSeconds,
      deletedCount: queue.deletedCount,
      messages: queue.messages.map((message) => ({
        messageId: message.messageId,
        body: message.body,
        sender: message.sender,
        receiveCount: message.receiveCount,
        sentAt: new Date(message.sentAt).toISOString(),
        state: message.visibleAt <= now ? "visible" : message.receiveCount > 0 ? "in_flight" : "delayed",
        visibleAt: new Date(message.visibleAt).toISOString(),
      })),
    };
  }
}
