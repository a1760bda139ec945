import "server-only";
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { dispatchWorkflowJobs, enqueueWorkflowEvent } from "@/lib/workflows/send-event";
import { getAppClient } from "./find-app-client";

export const BILLING_STATUSES = ["good_standing", "action_required", "suspended", "unknown"] as const;

export const appStatusInput = z.object({ status: z.enum(["DRAFT", "PUBLISHED"]) });

export const billingInput = z.object({
  billingStatus: z.enum(BILLING_STATUSES),
  chargeMethodExpiresAt: z.preprocess((value) => (value === "" || value === null ? undefined : value), z.coerce.date().optional()),
});

/** Draft apps send partners to consent with `version=beta`; published apps must not (AMAZON.md). */
export async function setAppStatus(raw: z.input<typeof appStatusInput>, actor: Actor): Promise<{ status: "DRAFT" | "PUBLISHED" }> {
  const { status } = appStatusInput.parse(raw);
  const appClient = await getAppClient();
  if (appClient.status === status) return { status };
  await db.$transaction(async (tx) => {
    await tx.appClient.update({ where: { id: appClient.id }, data: { status } });
    await recordAuditEvent({ action: "app_client.status_changed", actorType: "ADMIN", actorId: actor.userId, requestId: actor.requestId, details: { from: appClient.status, to: status } }, tx);
  });
  return { status };
}

/** Admin-entered billing data (the developer account's charge method). Informational: never blocks tokens. */
export async function setBilling(raw: z.input<typeof billingInput>, actor: Actor): Promise<void> {
  const input = billingInput.parse(raw);
  const appClient = await getAppClient();
  const eventJob = await db.$transaction(async (tx) => {
    await tx.appClient.update({ where: { id: appClient.id }, data: { billingStatus: input.billingStatus, chargeMethodExpiresAt: input.chargeMethodExpiresAt ?? null } });
    await recordAuditEvent(
      { action: "app_client.billing_updated", actorType: "ADMIN", actorId: actor.userId, requestId: actor.requestId, details: { billingStatus: input.billingStatus, chargeMethodExpiresAt: input.chargeMethodExpiresAt?.toISOString() ?? null } },
      tx,
    );
    return enqueueWorkflowEvent(tx, { name: "latchkey/app-client.billing-updated", data: { appClientId: appClient.id } });
  });
  // A reminder that is already due for the new expiry date goes out now, not at the next daily run.
  await dispatchWorkflowJobs([eventJob]);
}
