import "server-only";
import { rotateApplicationClientSecret } from "@/lib/amazon/application-api";
import { SpApiError } from "@/lib/amazon/spapi";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { readServerEnv } from "@/lib/env";
import { AppError, isAppError } from "@/lib/errors";
import type { ActorType, SecretRotation } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/log";
import { getGrantlessToken } from "../get-grantless-token";
import { getAppClient } from "../find-app-client";
import { raiseAppClientAlert } from "../raise-app-client-alert";
import { APP_CLIENT_SUBJECT, monitorCall } from "@/lib/monitoring/record-latchkey-call";

export type RotationReason = "manual" | "expiring" | "expiry_notification";

/** Who starts a rotation: an admin ("Rotate now"), Latchkey itself (close to expiry) or Amazon (its expiry notice). */
export type RotationRequester = Actor | "SYSTEM" | "AMAZON";

function auditActor(requester: RotationRequester): { actorType: ActorType; actorId: string | null; requestId?: string } {
  return typeof requester === "string" ? { actorType: requester, actorId: null } : { actorType: "ADMIN", actorId: requester.userId, requestId: requester.requestId };
}

/** A rotation still waiting for Amazon's new-secret notification (OVERDUE ones no longer block a new one). */
export function findRotationInProgress(appClientId: string) {
  return db.secretRotation.findFirst({ where: { appClientId, status: "REQUESTED" }, orderBy: { startedAt: "desc" } });
}

/** Why a rotation request failed, in words an admin can act on. Never Amazon's raw body. */
function explain(error: unknown): string {
  if (error instanceof SpApiError) {
    if (error.status === 400 && error.code === "InvalidInput") {
      return "Amazon refused the rotation: this app has no SQS queue enrolled for client-secret notifications. In the Developer Console, open Notification Preferences, enter your queue's ARN, then rotate again.";
    }
    if (error.status === 429) return "Amazon allows one rotation per minute. Wait a minute and try again.";
    if (error.status === 403) return `Amazon refused the rotation call (${error.code}). Check that the app may call the Application Management API.`;
    if (error.transient) return "Amazon did not answer the rotation call; nothing changed. Try again shortly.";
    return `Amazon refused the rotation call (${error.code}, HTTP ${error.status}).`;
  }
  if (isAppError(error) && error.code === "app_client_rejected") return "Amazon rejected the app's own credentials, so no rotation token could be obtained. Paste a working secret first.";
  if (isAppError(error) && error.code === "amazon_unavailable") return "Amazon did not answer the token request; nothing changed. Try again shortly.";
  return "The rotation could not be requested because of an unexpected error; see the server log.";
}

/**
 * Asks Amazon for a new client secret (`rotateApplicationClientSecret`, grantless rotation scope). The
 * rotation row is written first, so the timeline shows it even if the call hangs; Amazon answers 204 and
 * later sends APPLICATION_OAUTH_CLIENT_NEW_SECRET, which completes the row. A refused call marks it FAILED
 * with a plain explanation and raises `rotation_failed`. Refuses (409) while another rotation is waiting.
 */
export async function startSecretRotation(input: { actor: RotationRequester; reason: RotationReason }): Promise<SecretRotation> {
  const actor = auditActor(input.actor);
  const appClient = await getAppClient();
  if (await findRotationInProgress(appClient.id)) {
    throw new AppError("conflict", "A rotation is already waiting for Amazon's new-secret notification.");
  }
  const rotation = await db.secretRotation.create({
    data: { appClientId: appClient.id, reason: input.reason, actorType: actor.actorType, requestedBy: actor.actorId },
  });
  try {
    const { accessToken } = await getGrantlessToken("sellingpartnerapi::client_credential:rotation");
    await monitorCall(APP_CLIENT_SUBJECT, "rotateApplicationClientSecret", () => rotateApplicationClientSecret(readServerEnv().SPAPI_GRANTLESS_REGION, accessToken));
  } catch (error) {
    if (!(error instanceof SpApiError) && !isAppError(error)) logger.error({ err: error, rotationId: rotation.id }, "client-secret rotation request failed");
    const message = explain(error);
    const failed = await db.$transaction(async (tx) => {
      const updated = await tx.secretRotation.update({ where: { id: rotation.id }, data: { status: "FAILED", error: message, completedAt: new Date() } });
      await recordAuditEvent(
        { action: "app_client.rotation_request_failed", ...actor, details: { rotationId: rotation.id, reason: input.reason, error: message } },
        tx,
      );
      return updated;
    });
    await raiseAppClientAlert("rotation_failed", { rotationId: rotation.id, reason: input.reason, error: message });
    return failed;
  }
  await recordAuditEvent({
    action: "app_client.rotation_requested",
    ...actor,
    details: { rotationId: rotation.id, reason: input.reason },
  });
  return rotation;
}
