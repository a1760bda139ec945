import type { SandboxStore } from "../state/store";
import type { DeliveryRecord, NotificationEnvelope } from "../state/types";
import { keptNotification } from "./envelopes";

export interface DeliveryResult {
  ok: boolean;
  status?: number;
  error?: string;
}

/** Somewhere a notification is POSTed (the HTTP sink); each attempt is recorded in `deliveries`. */
export interface DeliveryTarget {
  /** Shown in delivery records, e.g. `http:https://example.test/sink`. */
  name: string;
  send(envelope: NotificationEnvelope, signal: AbortSignal): Promise<DeliveryResult>;
}

const DELIVERY_TIMEOUT_MS = 5000;
const MAX_KEPT = 500;

export function httpSinkTarget(url: string): DeliveryTarget {
  return {
    name: `http:${url}`,
    async send(envelope, signal) {
      try {
        const response = await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(envelope),
          signal: AbortSignal.any([signal, AbortSignal.timeout(DELIVERY_TIMEOUT_MS)]),
        });
        await response.arrayBuffer().catch(() => undefined);
        return response.ok ? { ok: true, status: response.status } : { ok: false, status: response.status, error: `sink answered ${response.status}` };
      } catch (error) {
        return { ok: false, error: error instanceof Error ? error.message : "delivery failed" };
      }
    },
  };
}

/** Where Amazon puts a notification for the app's enrolled queue (the sandbox's SQS). */
export interface NotificationQueue {
  /** Enqueues the envelope as an SQS message body; false when the app has no queue. */
  enqueue(envelope: NotificationEnvelope): boolean;
}

/**
 * The one place notifications leave the sandbox: each is kept in the sandbox's list (`GET
 * /_sandbox/notifications`), put into the app's SQS queue when the app is enrolled for notifications
 * (as Amazon does: see `GET /_sandbox/sqs`), and sent, best effort, to every configured HTTP target;
 * HTTP failures are recorded.
 */
export class NotificationDeliverer {
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly store: SandboxStore,
    private readonly signal: AbortSignal,
    private readonly queue?: NotificationQueue,
  ) {}

  private targets(): DeliveryTarget[] {
    const sink = this.store.data.config.notificationSinkUrl;
    return sink ? [httpSinkTarget(sink)] : [];
  }

  /** Records the notification and starts delivery; the returned promise settles when every target answered. */
  publish(envelope: NotificationEnvelope): Promise<void> {
    const data = this.store.data;
    data.notifications.push(keptNotification(envelope));
    if (data.notifications.length > MAX_KEPT) data.notifications.splice(0, data.notifications.length - MAX_KEPT);
    this.store.changed();
    const app = this.store.findApp(envelope.notificationMetadata.applicationId);
    if (app?.notificationQueueEnrolled) this.queue?.enqueue(envelope);
    const delivery = Promise.all(this.targets().map((target) => this.deliverTo(target, envelope))).then(() => undefined);
    this.inFlight.add(delivery);
    void delivery.finally(() => this.inFlight.delete(delivery));
    return delivery;
  }

  private async deliverTo(target: DeliveryTarget, envelope: NotificationEnvelope): Promise<void> {
    const result = await target.send(envelope, this.signal);
    const record: DeliveryRecord = {
      notificationId: envelope.notificationMetadata.notificationId,
      target: target.name,
      ok: result.ok,
      ...(result.status !== undefined ? { status: result.status } : {}),
      ...(result.error !== undefined ? { error: result.error } : {}),
      at: this.store.clock.now(),
    };
    const deliveries = this.store.data.deliveries;
    deliveries.push(record);
    if (deliveries.length > MAX_KEPT) deliveries.splice(0, deliveries.length - MAX_KEPT);
    this.store.changed();
  }

  /** Waits for deliveries in progress (used by tests and on close). */
  async settled(): Promise<void> {
    await Promise.all([...this.inFlight]);
  }
}
