import "server-only";
// Notification destinations (grantless `sellingpartnerapi::notifications` scope): where Amazon may send
// notifications. Registering an SQS destination here does NOT subscribe the app to the client-secret
// notifications: that is the Developer Console's Notification Preferences (no API exists for it).
import { z } from "zod";
import * as notificationsApi from "@/lib/amazon/notifications-api";
import type { Destination } from "@/lib/amazon/notifications-api";
import type { Region } from "@/lib/amazon/regions";
import { SpApiError } from "@/lib/amazon/spapi";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/actor";
import { readServerEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { getGrantlessToken } from "./get-grantless-token";
import { APP_CLIENT_SUBJECT, monitorCall } from "@/lib/monitoring/record-latchkey-call";

export const createDestinationInput = z.object({
  name: z.string().trim().min(1, "Give the destination a name").max(256),
  arn: z
    .string()
    .trim()
    .regex(/^arn:aws:sqs:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,80}(\.fifo)?$/, "Enter an SQS queue ARN, e.g. arn:aws:sqs:us-east-1:123456789012:spapi-notifications"),
});

/** Amazon's refusals as AppErrors a person can act on; transient ones as amazon_unavailable. */
function rethrow(error: unknown, action: string): never {
  if (error instanceof SpApiError) {
    if (error.unexpected) throw new AppError("amazon_unexpected_response", `Amazon answered in a shape Latchkey does not recognise while trying to ${action}; nothing was changed here.`, { cause: error });
    if (error.transient) throw new AppError("amazon_unavailable", `Amazon did not answer while trying to ${action}; try again shortly.`, { cause: error });
    if (error.status === 404) throw new AppError("not_found", "Amazon has no such destination.", { cause: error });
    if (error.status === 409) throw new AppError("conflict", "A destination for this queue already exists.", { cause: error });
    throw new AppError("invalid_input", `Amazon refused to ${action} (${error.code}).`, { cause: error });
  }
  throw error;
}

/** One destinations call with the grantless token, monitored, Amazon's refusals turned into AppErrors. */
async function call<T>(operation: string, action: string, run: (grantless: { region: Region; accessToken: string }) => Promise<T>): Promise<T> {
  const { accessToken } = await getGrantlessToken("sellingpartnerapi::notifications");
  try {
    return await monitorCall(APP_CLIENT_SUBJECT, operation, () => run({ region: readServerEnv().SPAPI_GRANTLESS_REGION, accessToken }));
  } catch (error) {
    rethrow(error, action);
  }
}

export function listDestinations(): Promise<Destination[]> {
  return call("getDestinations", "list destinations", notificationsApi.getDestinations);
}

export async function createDestination(raw: z.input<typeof createDestinationInput>, actor: Actor): Promise<Destination> {
  const input = createDestinationInput.parse(raw);
  const destination = await call("createDestination", "create the destination", (grantless) => notificationsApi.createSqsDestination(grantless, { name: input.name, arn: input.arn }));
  await recordAuditEvent({ action: "app_client.destination_created", actorType: "ADMIN", actorId: actor.userId, requestId: actor.requestId, details: { destinationId: destination.destinationId, name: destination.name, arn: input.arn } });
  return destination;
}

export async function deleteDestination(destinationId: string, actor: Actor): Promise<void> {
  await call("deleteDestination", "delete the destination", (grantless) => notificationsApi.deleteDestination(grantless, destinationId));
  await recordAuditEvent({ action: "app_client.destination_deleted", actorType: "ADMIN", actorId: actor.userId, requestId: actor.requestId, details: { destinationId } });
}
