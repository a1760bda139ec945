// Webhook endpoints (API key scope `webhooks`): register, change and remove receivers, read their deliveries,
// send a test event and redeliver one, through the same request core as every other call.
import { LatchkeyError } from "./errors.js";
import type { LatchkeyApi } from "./latchkey-api.js";

export interface WebhookEndpoint {
  id: string;
  url: string;
  description: string | null;
  /** Empty: every event type. */
  eventTypes: string[];
  /** Only this tenant's authorization events; null: every tenant and the app client's events. */
  tenantId: string | null;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
  [field: string]: unknown;
}

export type WebhookDeliveryStatus = "pending" | "sending" | "succeeded" | "failed";

export interface WebhookDelivery {
  id: string;
  eventId: string;
  eventType: string;
  sequence: number;
  status: WebhookDeliveryStatus;
  attempts: number;
  responseStatus: number | null;
  latencyMs: number | null;
  error: string | null;
  nextAttemptAt: string | null;
  lastAttemptAt: string | null;
  redeliveryOf: string | null;
  createdAt: string;
}

export interface CreateWebhookEndpointInput {
  url: string;
  description?: string;
  eventTypes?: string[];
  tenantId?: string | null;
  enabled?: boolean;
}

export interface UpdateWebhookEndpointInput {
  url?: string;
  description?: string | null;
  eventTypes?: string[];
  enabled?: boolean;
}

export interface WebhookEndpointsApi {
  listWebhookEndpoints(): Promise<WebhookEndpoint[]>;
  /** The signing `secret` is in this answer only: store it for `verifyWebhookSignature`. */
  createWebhookEndpoint(input: CreateWebhookEndpointInput): Promise<{ endpoint: WebhookEndpoint; secret: string }>;
  getWebhookEndpoint(id: string): Promise<WebhookEndpoint>;
  updateWebhookEndpoint(id: string, changes: UpdateWebhookEndpointInput): Promise<WebhookEndpoint>;
  deleteWebhookEndpoint(id: string): Promise<void>;
  /** Newest first; `cursor` is the previous page's `nextCursor`. */
  listWebhookDeliveries(id: string, filter?: { status?: WebhookDeliveryStatus; limit?: number; cursor?: string }): Promise<{ deliveries: WebhookDelivery[]; nextCursor: string | null }>;
  /** Queues a `webhook.test` event to this endpoint. */
  sendTestWebhook(id: string): Promise<WebhookDelivery>;
  redeliverWebhook(id: string, deliveryId: string): Promise<WebhookDelivery>;
}

function member<T>(json: Record<string, unknown>, name: string, path: string): T {
  const value = json[name];
  if (typeof value !== "object" || value === null) throw new LatchkeyError("unexpected_response", 200, `Latchkey's answer to ${path} has no ${name}`);
  return value as T;
}

const defined = (value: object) => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));

export function createWebhookEndpointsApi(api: LatchkeyApi): WebhookEndpointsApi {
  const one = "/api/v1/webhook-endpoints/{id}";
  return {
    listWebhookEndpoints: async () => member<WebhookEndpoint[]>(await api.request("listWebhookEndpoints"), "endpoints", "/api/v1/webhook-endpoints"),
    async createWebhookEndpoint(input) {
      const json = await api.request("createWebhookEndpoint", { body: defined(input) });
      const secret = json.secret;
      if (typeof secret !== "string") throw new LatchkeyError("unexpected_response", 201, "Latchkey's answer to /api/v1/webhook-endpoints has no secret");
      return { endpoint: member<WebhookEndpoint>(json, "endpoint", "/api/v1/webhook-endpoints"), secret };
    },
    getWebhookEndpoint: async (id) => member<WebhookEndpoint>(await api.request("getWebhookEndpoint", { params: { id } }), "endpoint", one),
    updateWebhookEndpoint: async (id, changes) => member<WebhookEndpoint>(await api.request("updateWebhookEndpoint", { params: { id }, body: defined(changes) }), "endpoint", one),
    async deleteWebhookEndpoint(id) {
      await api.request("deleteWebhookEndpoint", { params: { id } });
    },
    async listWebhookDeliveries(id, filter = {}) {
      const json = await api.request("listWebhookDeliveries", { params: { id }, query: { ...filter } });
      return { deliveries: member<WebhookDelivery[]>(json, "deliveries", `${one}/deliveries`), nextCursor: typeof json.nextCursor === "string" ? json.nextCursor : null };
    },
    sendTestWebhook: async (id) => member<WebhookDelivery>(await api.request("sendTestWebhook", { params: { id } }), "delivery", `${one}/test`),
    redeliverWebhook: async (id, deliveryId) =>
      member<WebhookDelivery>(await api.request("redeliverWebhook", { params: { id, deliveryId } }), "delivery", `${one}/deliveries/{deliveryId}/redeliver`),
  };
}
