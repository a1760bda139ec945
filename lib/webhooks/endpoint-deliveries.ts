import "server-only";
// An endpoint's delivery log, "send again" and "send test event": for the admin page and the API, under the
// same visibility rule as the endpoints (manage-endpoints.ts).
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { deliverNow, type DeliveryStatus } from "./deliver-webhooks";
import { WEBHOOK_TEST_EVENT } from "./event-types";
import { findWebhookEndpointOrThrow, type WebhookCaller } from "./manage-endpoints";
import { recordWebhookEvent } from "./record-webhook-event";
import type { WebhookDeliveryView } from "./schemas";

const deliverySelect = {
  id: true,
  eventId: true,
  status: true,
  attempts: true,
  responseStatus: true,
  latencyMs: true,
  error: true,
  nextAttemptAt: true,
  lastAttemptAt: true,
  redeliveryOfId: true,
  createdAt: true,
  event: { select: { type: true, sequence: true } },
} satisfies Prisma.WebhookDeliverySelect;

type DeliveryRow = Prisma.WebhookDeliveryGetPayload<{ select: typeof deliverySelect }>;

function deliveryView(row: DeliveryRow): WebhookDeliveryView {
  return {
    id: row.id,
    eventId: row.eventId,
    eventType: row.event.type,
    sequence: row.event.sequence,
    status: row.status as DeliveryStatus,
    attempts: row.attempts,
    responseStatus: row.responseStatus,
    latencyMs: row.latencyMs,
    error: row.error,
    nextAttemptAt: row.nextAttemptAt?.toISOString() ?? null,
    lastAttemptAt: row.lastAttemptAt?.toISOString() ?? null,
    redeliveryOf: row.redeliveryOfId,
    createdAt: row.createdAt.toISOString(),
  };
}

export interface DeliveryPage {
  deliveries: WebhookDeliveryView[];
  nextCursor: string | null;
}

/** Newest first, `limit` per page; `cursor` is the last id of the previous page. */
export async function listEndpointDeliveries(
  endpointId: string,
  caller: Pick<WebhookCaller, "tenantIds">,
  query: { status?: DeliveryStatus; limit?: number; cursor?: string } = {},
): Promise<DeliveryPage> {
  const endpoint = await findWebhookEndpointOrThrow(endpointId, caller);
  const limit = query.limit ?? 50;
  const rows = await db.webhookDelivery.findMany({
    where: { endpointId: endpoint.id, ...(query.status ? { status: query.status } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(query.cursor ? { cursor: { id: query.cursor }, skip: 1 } : {}),
    select: deliverySelect,
  }).catch((error: unknown) => {
    // A cursor that is not a delivery of this endpoint: Prisma cannot seek to it.
    if (query.cursor) throw new AppError("invalid_input", "The cursor is not a delivery of this endpoint.", { details: { field: "cursor" } });
    throw error;
  });
  const page = rows.slice(0, limit);
  return { deliveries: page.map(deliveryView), nextCursor: rows.length > limit ? page[page.length - 1]!.id : null };
}

async function readDelivery(id: string): Promise<WebhookDeliveryView> {
  return deliveryView(await db.webhookDelivery.findUniqueOrThrow({ where: { id }, select: deliverySelect }));
}

/** "Send again": a new delivery of the same event (same body and event id) to the same endpoint, sent now. */
export async function redeliverWebhook(endpointId: string, deliveryId: string, caller: Pick<WebhookCaller, "tenantIds">): Promise<WebhookDeliveryView> {
  const endpoint = await findWebhookEndpointOrThrow(endpointId, caller);
  const original = await db.webhookDelivery.findFirst({ where: { id: deliveryId, endpointId: endpoint.id }, select: { id: true, eventId: true } });
  if (!original) throw new AppError("not_found");
  const copy = await db.webhookDelivery.create({ data: { eventId: original.eventId, endpointId: endpoint.id, status: "pending", redeliveryOfId: original.id }, select: { id: true } });
  await deliverNow(copy.id);
  return readDelivery(copy.id);
}

/** "Send test event": a `webhook.test` event to this endpoint only (even when disabled or filtered), sent now. */
export async function sendTestWebhook(endpointId: string, caller: Pick<WebhookCaller, "tenantIds">, now = new Date()): Promise<WebhookDeliveryView> {
  const endpoint = await findWebhookEndpointOrThrow(endpointId, caller);
  const recorded = await db.$transaction((tx) =>
    recordWebhookEvent(tx, {
      type: WEBHOOK_TEST_EVENT,
      subject: `endpoint:${endpoint.id}`,
      tenantId: endpoint.tenantId,
      authorizationId: null,
      data: { endpointId: endpoint.id, message: "A test event from Latchkey: your endpoint received and can verify it." },
      at: now,
      endpointIds: [endpoint.id],
    }),
  );
  const deliveryId = recorded!.deliveryIds[0]!;
  await deliverNow(deliveryId, now);
  return readDelivery(deliveryId);
}
