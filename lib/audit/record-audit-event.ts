import "server-only";
import { db } from "@/lib/db/client";
import type { ActorType, Prisma } from "@/lib/generated/prisma/client";
import { redact } from "@/lib/log/redact";
import type { AuditAction } from "./event-registry";

export interface AuditEvent {
  action: AuditAction;
  actorType: ActorType;
  actorId?: string | null;
  tenantId?: string | null;
  authorizationId?: string | null;
  details?: Record<string, unknown>;
  requestId?: string | null;
}

type AuditWriter = Pick<Prisma.TransactionClient, "auditLog">;

/** Appends one entry to the audit log. Details are redacted first: no token or secret is ever recorded. */
export async function recordAuditEvent(event: AuditEvent, client: AuditWriter = db): Promise<void> {
  await client.auditLog.create({
    data: {
      action: event.action,
      actorType: event.actorType,
      actorId: event.actorId ?? null,
      tenantId: event.tenantId ?? null,
      authorizationId: event.authorizationId ?? null,
      details: (redact(event.details ?? {}) ?? {}) as Prisma.InputJsonValue,
      requestId: event.requestId ?? null,
    },
  });
}
