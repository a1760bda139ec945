import "server-only";
// Notification destinations (grantless `sellingpartnerapi::notifications` scope): where Amazon may send
// notifications. Registering an SQS destination here does NOT subscribe the app to the client-secret
// notifications: that is the Developer Console's Notification Preferences (no API exists for it).
import { z } from "zod";
import { callSpApi, SpApiError } from "@/lib/amazon/spapi";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/actor";
import { readServerEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { getGrantlessToken } from "@/lib/tokens/get-grantless-token";
import { APP_CLIENT_SUBJECT, monitorCall } from "@/lib/monitoring/record-latchkey-call";

const DESTINATIONS_PATH = "/notifications/v1/destinations";

export interface Destination {
  destinationId: string;
  name: string;
  /** The SQS queue ARN (or an EventBridge description for EventBridge destinations). */
  resource: string;
}

const destinationSchema = z.object({
  destinationId: z.string(),
  name: z.string(),
  resource: z
    .object({ sqs: z.object({ arn: z.string() }).optional(), eventBridge: z.object({ name: z.string().optional(), region: z.string().optional(), accountId: z.string().optional() }).optional() })
    .optional(),
});

function toDestination(raw: z.infer<typeof destinationSchema>): Destination {
  const eventBridge = raw.resource?.eventBridge;
  return {
    destinationId: raw.destinationId,
    name: raw.name,
    resource: raw.resource?.sqs?.arn ?? (eventBridge ? `EventBridge ${eventBridge.accountId ?? ""} ${eventBridge.region ?? ""}`.trim() : "—"),
  };
}

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
    if (error.transient) throw new AppError("amazon_unavailable", `Amazon did not answer while trying to ${action}; try again shortly.`, { cause: error });
    if (error.status === 404) throw new AppError("not_found", "Amazon has no such destination.", { cause: error });
    if (error.status === 409) throw new AppError("conflict", "A destination for this queue already exists.", { cause: error });
    throw new AppError("invalid_input", `Amazon refused to ${action} (${error.code}).`, { cause: error });
  }
  throw error;
}

async function call<T>(request: { method: "GET" | "POST" | "DELETE"; path: string; body?: unknown }, action: string): Promise<T> {
  const { accessToken } = await getGrantlessToken("sellingpartnerapi::notifications");
  try {
    const operation = { GET: "getDestinations", POST: "createDestination", DELETE: "deleteDestination" }[request.method];
    return (await monitorCall(APP_CLIENT_SUBJECT, operation, () => callSpApi<T>({ region: readServerEnv().SPAPI_GRANTLESS_REGION, accessToken, ...request }))).data;
  } catch (error) {
    rethrow(error, action);
  }
}

export async function listDestinations(): Promise<Destination[]> {
  const data = await call<{ payload?: unknown }>({ method: "GET", path: DESTINATIONS_PATH }, "list destinations");
  return z.array(destinationSchema).parse(data?.payload ?? []).map(toDestination);
}

export async function createDestination(raw: z.input<typeof createDestinationInput>, actor: Actor): Promise<Destination> {
  const input = createDestinationInput.parse(raw);
  const data = await call<{ payload?: unknown }>(
    { method: "POST", path: DESTINATIONS_PATH, body: { name: input.name, resourceSpecification: { sqs: { arn: input.arn } } } },
    "create the destination",
  );
  const destination = toDestination(destinationSchema.parse(data?.payload));
  await recordAuditEvent({ action: "app_client.destination_created", actorType: "ADMIN", actorId: actor.userId, requestId: actor.requestId, details: { destinationId: destination.destinationId, name: destination.name, arn: input.arn } });
  return destination;
}

export async function deleteDestination(destinationId: string, actor: Actor): Promise<void> {
  await call({ method: "DELETE", path: `${DESTINATIONS_PATH}/${encodeURIComponent(destinationId)}` }, "delete the destination");
  await recordAuditEvent({ action: "app_client.destination_deleted", actorType: "ADMIN", actorId: actor.userId, requestId: actor.requestId, details: { destinationId } });
}
