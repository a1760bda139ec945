import "server-only";
// Registering, reading, changing and removing webhook endpoints, for the admin page and the API. A caller is
// limited to tenants or not (an API key's tenants; an admin: none): a limited caller sees and manages only
// endpoints bound to one of its tenants; every other endpoint is not found (404), like a missing one.
import { randomUUID } from "node:crypto";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { ActorType, Prisma, WebhookEndpoint } from "@/lib/generated/prisma/client";
import { encryptSystem } from "@/lib/vault";
import { assertDeliverableUrl } from "./endpoint-url";
import { endpointSecretContext, generateEndpointSecret } from "./endpoint-secret";
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from "./event-types";
import { createWebhookEndpointInput, updateWebhookEndpointInput, type CreateWebhookEndpointInput, type UpdateWebhookEndpointInput, type WebhookEndpointView } from "./schemas";

export interface WebhookCaller {
  /** Empty: every tenant (admins, unrestricted keys). */
  tenantIds: string[];
  actorType: ActorType;
  actorId: string | null;
  requestId?: string | null;
}

export function endpointView(endpoint: WebhookEndpoint): WebhookEndpointView {
  return {
    id: endpoint.id,
    url: endpoint.url,
    description: endpoint.description,
    eventTypes: endpoint.eventTypes.filter((type): type is WebhookEventType => (WEBHOOK_EVENT_TYPES as readonly string[]).includes(type)),
    tenantId: endpoint.tenantId,
    enabled: endpoint.enabled,
    createdAt: endpoint.createdAt.toISOString(),
    updatedAt: endpoint.updatedAt.toISOString(),
  };
}

/** The endpoints a caller may see: all, or those bound to one of its tenants. */
function visibleTo(caller: Pick<WebhookCaller, "tenantIds">): Prisma.WebhookEndpointWhereInput {
  return caller.tenantIds.length === 0 ? {} : { tenantId: { in: caller.tenantIds } };
}

export async function listWebhookEndpoints(caller: Pick<WebhookCaller, "tenantIds">): Promise<WebhookEndpointView[]> {
  const rows = await db.webhookEndpoint.findMany({ where: visibleTo(caller), orderBy: [{ createdAt: "desc" }, { id: "asc" }], take: 200 });
  return rows.map(endpointView);
}

/** The endpoint, or 404 when it does not exist or the caller may not see it. */
export async function findWebhookEndpointOrThrow(id: string, caller: Pick<WebhookCaller, "tenantIds">): Promise<WebhookEndpoint> {
  const row = await db.webhookEndpoint.findFirst({ where: { id, ...visibleTo(caller) } });
  if (!row) throw new AppError("not_found");
  return row;
}

async function assertTenantFor(caller: WebhookCaller, tenantId: string | null): Promise<void> {
  if (tenantId === null) {
    if (caller.tenantIds.length > 0) throw new AppError("invalid_input", "A key limited to tenants can only register an endpoint for one of them: give tenantId.", { details: { field: "tenantId" } });
    return;
  }
  if (caller.tenantIds.length > 0 && !caller.tenantIds.includes(tenantId)) throw new AppError("not_found");
  if (!(await db.tenant.findUnique({ where: { id: tenantId }, select: { id: true } }))) throw new AppError("not_found");
}

/** Registers an endpoint; the signing secret is in the answer this once, and stored only sealed. */
export async function createWebhookEndpoint(raw: CreateWebhookEndpointInput, caller: WebhookCaller): Promise<{ endpoint: WebhookEndpointView; secret: string }> {
  const input = createWebhookEndpointInput.parse(raw);
  const tenantId = input.tenantId ?? null;
  await assertTenantFor(caller, tenantId);
  const url = (await assertDeliverableUrl(input.url)).toString();
  const id = `whe_${randomUUID().replace(/-/g, "")}`;
  const secret = generateEndpointSecret();
  const secretCiphertext = await encryptSystem(secret, endpointSecretContext(id));
  const endpoint = await db.$transaction(async (tx) => {
    const created = await tx.webhookEndpoint.create({
      data: { id, url, description: input.description || null, eventTypes: input.eventTypes, tenantId, enabled: input.enabled, secretCiphertext, createdById: caller.actorId },
    });
    await recordAuditEvent(
      { action: "webhook_endpoint.created", actorType: caller.actorType, actorId: caller.actorId, tenantId, requestId: caller.requestId ?? null, details: { endpointId: id, url, eventTypes: input.eventTypes } },
      tx,
    );
    return created;
  });
  return { endpoint: endpointView(endpoint), secret };
}

export async function updateWebhookEndpoint(id: string, raw: UpdateWebhookEndpointInput, caller: WebhookCaller): Promise<WebhookEndpointView> {
  const existing = await findWebhookEndpointOrThrow(id, caller);
  const input = updateWebhookEndpointInput.parse(raw);
  const url = input.url === undefined ? undefined : (await assertDeliverableUrl(input.url)).toString();
  const endpoint = await db.$transaction(async (tx) => {
    const updated = await tx.webhookEndpoint.update({
      where: { id: existing.id },
      data: {
        ...(url !== undefined ? { url } : {}),
        ...(input.description !== undefined ? { description: input.description || null } : {}),
        ...(input.eventTypes !== undefined ? { eventTypes: input.eventTypes } : {}),
        ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
      },
    });
    await recordAuditEvent(
      { action: "webhook_endpoint.updated", actorType: caller.actorType, actorId: caller.actorId, tenantId: existing.tenantId, requestId: caller.requestId ?? null, details: { endpointId: id, changed: Object.keys(input) } },
      tx,
    );
    return updated;
  });
  return endpointView(endpoint);
}

/** Removes an endpoint and its delivery log; deliveries not sent yet are dropped with it. */
export async function deleteWebhookEndpoint(id: string, caller: WebhookCaller): Promise<void> {
  const existing = await findWebhookEndpointOrThrow(id, caller);
  await db.$transaction(async (tx) => {
    await tx.webhookEndpoint.delete({ where: { id: existing.id } });
    await recordAuditEvent(
      { action: "webhook_endpoint.deleted", actorType: caller.actorType, actorId: caller.actorId, tenantId: existing.tenantId, requestId: caller.requestId ?? null, details: { endpointId: id, url: existing.url } },
      tx,
    );
  });
}
