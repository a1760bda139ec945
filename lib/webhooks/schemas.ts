// Every request and response shape of the webhook API (/api/v1/webhook-endpoints) and of the deliveries it
// sends, in one module: the routes parse with them and the OpenAPI document is generated from them.
import { z } from "zod";
import { idSchema } from "@/lib/http/ids";
import { repeatedField } from "@/lib/utils/form-fields";
import { WEBHOOK_EVENT_TYPES, WEBHOOK_TEST_EVENT } from "./event-types";

export const webhookEventTypeSchema = z.enum(WEBHOOK_EVENT_TYPES);

const urlField = z.string().trim().min(1, "A URL is required").max(2048, "At most 2048 characters");
const descriptionField = z.string().trim().max(200, "At most 200 characters");
/** Empty or absent: every event type. */
const eventTypesField = z.array(webhookEventTypeSchema).max(WEBHOOK_EVENT_TYPES.length).transform((types) => [...new Set(types)].sort());

export const createWebhookEndpointInput = z.strictObject({
  url: urlField,
  description: descriptionField.optional(),
  eventTypes: eventTypesField.default([]),
  /** Only this tenant's authorization events; absent: every tenant and the app client's events. */
  tenantId: idSchema.nullable().optional(),
  enabled: z.boolean().default(true),
});
export type CreateWebhookEndpointInput = z.input<typeof createWebhookEndpointInput>;

export const updateWebhookEndpointInput = z
  .strictObject({
    url: urlField.optional(),
    description: descriptionField.nullable().optional(),
    eventTypes: eventTypesField.optional(),
    enabled: z.boolean().optional(),
  })
  .refine((input) => Object.keys(input).length > 0, "Give at least one of url, description, eventTypes, enabled");
export type UpdateWebhookEndpointInput = z.input<typeof updateWebhookEndpointInput>;

export const listDeliveriesQuery = z.strictObject({
  status: z.enum(["pending", "sending", "succeeded", "failed"]).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  /** The last delivery id of the previous page. */
  cursor: idSchema.optional(),
});

export const webhookEndpointSchema = z.object({
  id: z.string(),
  url: z.string(),
  description: z.string().nullable(),
  /** Empty: every event type. */
  eventTypes: z.array(webhookEventTypeSchema),
  tenantId: z.string().nullable(),
  enabled: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type WebhookEndpointView = z.infer<typeof webhookEndpointSchema>;

export const webhookEndpointResponse = z.object({ endpoint: webhookEndpointSchema });
/** The answer to a create: the signing secret, this once. */
export const createdWebhookEndpointResponse = z.object({ endpoint: webhookEndpointSchema, secret: z.string() });
export const webhookEndpointListResponse = z.object({ endpoints: z.array(webhookEndpointSchema) });

export const webhookDeliverySchema = z.object({
  id: z.string(),
  eventId: z.string(),
  eventType: z.string(),
  sequence: z.number().int(),
  status: z.enum(["pending", "sending", "succeeded", "failed"]),
  attempts: z.number().int(),
  responseStatus: z.number().int().nullable(),
  latencyMs: z.number().int().nullable(),
  error: z.string().nullable(),
  nextAttemptAt: z.iso.datetime().nullable(),
  lastAttemptAt: z.iso.datetime().nullable(),
  redeliveryOf: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type WebhookDeliveryView = z.infer<typeof webhookDeliverySchema>;

export const webhookDeliveryResponse = z.object({ delivery: webhookDeliverySchema });
export const webhookDeliveryListResponse = z.object({ deliveries: z.array(webhookDeliverySchema), nextCursor: z.string().nullable() });

/** The public facts of an authorization a lifecycle event carries: never a token. */
export const webhookAuthorizationDataSchema = z.object({
  authorizationId: z.string(),
  tenantId: z.string(),
  tenantExternalId: z.string().nullable(),
  region: z.enum(["NA", "EU", "FE"]),
  sellingPartnerId: z.string().nullable(),
  status: z.string(),
  reason: z.string().nullable(),
});

/** The JSON body of every delivery (signed `x-latchkey-signature: t=<unix>,v1=<hex HMAC-SHA256(secret, "t.body")>`). */
export const webhookPayloadSchema = z.object({
  id: z.string(),
  type: z.union([webhookEventTypeSchema, z.literal(WEBHOOK_TEST_EVENT)]),
  createdAt: z.iso.datetime(),
  /** Per authorization (or app client), increasing: order by it and drop a sequence already seen. */
  sequence: z.number().int().positive(),
  data: z.record(z.string(), z.unknown()),
});
export type WebhookPayload = z.infer<typeof webhookPayloadSchema>;

const repeated = repeatedField(z.array(z.string()).transform((values) => values.filter(Boolean)));
const emptyAsNull = (value: unknown) => (value === "" ? null : value);

/** The admin page's form (FormData): no event type ticked is every type; no tenant chosen is every tenant. */
export const createWebhookEndpointForm = z
  .object({ url: z.string(), description: z.string().optional(), eventTypes: repeated, tenantId: z.preprocess(emptyAsNull, idSchema.nullable().optional()) })
  .transform((form) => createWebhookEndpointInput.parse({ url: form.url, description: form.description || undefined, eventTypes: form.eventTypes, tenantId: form.tenantId ?? null }));

export const endpointIdForm = z.object({ endpointId: idSchema });
export const setEndpointEnabledForm = z.object({ endpointId: idSchema, enabled: z.enum(["true", "false"]).transform((value) => value === "true") });
export const redeliverForm = z.object({ endpointId: idSchema, deliveryId: idSchema });
