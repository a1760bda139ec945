import "server-only";
// One lifecycle event becomes one WebhookEvent row (its payload fixed once, so every attempt and "send again"
// sends the same body) and one WebhookDelivery row per enabled endpoint whose filter and tenant match, all
// in the caller's transaction: the rows exist exactly when the change that caused them committed. Each event
// takes the next sequence number of its subject (an authorization, the app client, an endpoint's test events)
// from one atomic upsert, so a receiver can order events and drop one it has already seen.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { sendWorkflowEvent } from "@/lib/workflows/send-event";
import type { WebhookEventType } from "./event-types";
import { WEBHOOK_TEST_EVENT } from "./event-types";
import type { WebhookPayload } from "./schemas";

type Tx = Prisma.TransactionClient;

export interface WebhookEventInput {
  type: WebhookEventType | typeof WEBHOOK_TEST_EVENT;
  /** "authorization:<id>", "app_client:<id>", "endpoint:<id>". */
  subject: string;
  tenantId: string | null;
  authorizationId: string | null;
  data: Record<string, unknown>;
  at: Date;
  /** Deliver to these endpoints only, whatever their filter (a test event). */
  endpointIds?: string[];
}

export interface RecordedWebhookEvent {
  eventId: string;
  deliveryIds: string[];
}

/** The endpoints an event goes to: enabled, filter empty or naming the type, for every tenant or the event's. */
function matchingEndpoints(tx: Tx, input: WebhookEventInput) {
  if (input.endpointIds) return tx.webhookEndpoint.findMany({ where: { id: { in: input.endpointIds } }, select: { id: true } });
  return tx.webhookEndpoint.findMany({
    where: {
      enabled: true,
      AND: [
        { OR: [{ tenantId: null }, ...(input.tenantId ? [{ tenantId: input.tenantId }] : [])] },
        { OR: [{ eventTypes: { isEmpty: true } }, { eventTypes: { has: input.type } }] },
      ],
    },
    select: { id: true },
  });
}

async function nextSequence(tx: Tx, subject: string): Promise<number> {
  const [row] = await tx.$queryRaw<{ value: number }[]>`
    INSERT INTO "WebhookSequence" ("subject", "value") VALUES (${subject}, 1)
    ON CONFLICT ("subject") DO UPDATE SET "value" = "WebhookSequence"."value" + 1
    RETURNING "value"`;
  return Number(row!.value);
}

/** Writes the event and its deliveries in `tx`; null when no endpoint wants it (nothing is written). */
export async function recordWebhookEvent(tx: Tx, input: WebhookEventInput): Promise<RecordedWebhookEvent | null> {
  const endpoints = await matchingEndpoints(tx, input);
  if (endpoints.length === 0) return null;
  const sequence = await nextSequence(tx, input.subject);
  const id = `evt_${randomUUID().replace(/-/g, "")}`;
  const payload: WebhookPayload = { id, type: input.type, createdAt: input.at.toISOString(), sequence, data: input.data };
  await tx.webhookEvent.create({
    data: { id, type: input.type, subject: input.subject, sequence, tenantId: input.tenantId, authorizationId: input.authorizationId, payload: payload as Prisma.InputJsonObject, createdAt: input.at },
  });
  const deliveries = await tx.webhookDelivery.createManyAndReturn({
    data: endpoints.map((endpoint) => ({ eventId: id, endpointId: endpoint.id, status: "pending", nextAttemptAt: input.at })),
    select: { id: true },
  });
  return { eventId: id, deliveryIds: deliveries.map((delivery) => delivery.id) };
}

/**
 * After commit: asks the workflows to deliver the event now (the `deliver-webhook-event` function). Never
 * throws; if this is lost (a crash, Inngest unreachable), the `retry-webhook-deliveries` cron sends the rows.
 */
export async function announceWebhookEvent(recorded: RecordedWebhookEvent | null): Promise<void> {
  if (!recorded) return;
  await sendWorkflowEvent({ name: "latchkey/webhook.event-recorded", data: { eventId: recorded.eventId } });
}

/**
 * Records an event in its own transaction and announces it, for changes that are not one transaction of their
 * own. The announcement is not awaited: a slow endpoint must not hold up a token request or a scan.
 */
export async function emitWebhookEvent(input: WebhookEventInput): Promise<RecordedWebhookEvent | null> {
  const recorded = await db.$transaction((tx) => recordWebhookEvent(tx, input));
  void announceWebhookEvent(recorded);
  return recorded;
}
