import "server-only";
import { deliverDueWebhooks, deliverWebhookEvent } from "@/lib/webhooks/deliver-webhooks";
import { webhookEventRecorded } from "@/lib/workflows/events";
import { onCron, onEvent } from "../workflow";

/** A lifecycle event was committed with its delivery rows: the first attempt to every endpoint, now. */
export const deliverWebhookEventFn = onEvent(
  { id: "deliver-webhook-event", name: "Deliver a lifecycle webhook event", event: webhookEventRecorded },
  async (event, step) => step.run(`deliver-webhook-event-${event.data.eventId}`, () => deliverWebhookEvent(event.data.eventId)),
);

/**
 * Every minute: retries whose time came (backing off up to WEBHOOK_MAX_ATTEMPTS), first attempts whose
 * announcement was lost, and deliveries a crash left "sending". The rows are the queue, so restarts lose nothing.
 */
export const retryWebhookDeliveries = onCron({ id: "retry-webhook-deliveries", name: "Retry webhook deliveries", cron: "* * * * *" }, async (now, step) =>
  step.run("deliver-due-webhooks", () => deliverDueWebhooks({ now })),
);
