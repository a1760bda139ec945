import { z } from "zod";
import { parseJson } from "../http/body";
import { newUuid } from "../ids";
import type { DestinationRecord } from "../state/types";
import { invalidInput, spapiError, type SpApiResult } from "./errors";
import type { Operation, OperationCall } from "./operation";

/** `SqsResource.arn` of notifications.json. */
export const SQS_ARN = /^arn:aws:sqs:\S+:\S+:\S+/;

/** `CreateDestinationRequest` of notifications.json. */
const createSchema = z.object({
  name: z.string().min(1).max(256),
  resourceSpecification: z.object({
    sqs: z.object({ arn: z.string().max(1000).regex(SQS_ARN, "must be an SQS queue ARN (arn:aws:sqs:region:account:queue)") }).optional(),
    eventBridge: z.object({ region: z.string(), accountId: z.string() }).optional(),
  }),
});

function view(destination: DestinationRecord) {
  return { name: destination.name, destinationId: destination.destinationId, resource: { sqs: { arn: destination.arn } } };
}

function ownDestinations(call: OperationCall): DestinationRecord[] {
  return call.ctx.store.data.destinations.filter((destination) => destination.applicationId === call.caller.app.applicationId);
}

// unconfirmed: the message Amazon returns for an unknown destination is undocumented.
const destinationNotFound = (id: string): SpApiResult => spapiError(404, "NotFound", "The requested destination was not found.", id);

function createDestination(call: OperationCall): SpApiResult {
  const json = parseJson(call.body);
  if (!json.ok) return invalidInput("Invalid request body", "The request body must be JSON");
  const parsed = createSchema.safeParse(json.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return invalidInput("Invalid request body", `${issue?.path.join(".") || "body"}: ${issue?.message ?? "invalid"}`);
  }
  const sqs = parsed.data.resourceSpecification.sqs;
  // The sandbox delivers to SQS-style destinations only; EventBridge is not simulated.
  if (!sqs) return invalidInput("Invalid request body", "resourceSpecification.sqs is required (EventBridge destinations are not simulated)");
  // unconfirmed: Amazon answers 409 when the same resource is registered twice; its wording is undocumented.
  if (ownDestinations(call).some((destination) => destination.arn === sqs.arn)) {
    return spapiError(409, "Conflict", "A destination for this resource already exists.", sqs.arn);
  }
  const destination: DestinationRecord = {
    destinationId: newUuid(),
    applicationId: call.caller.app.applicationId,
    name: parsed.data.name,
    arn: sqs.arn,
    createdAt: call.ctx.store.clock.now(),
  };
  call.ctx.store.data.destinations.push(destination);
  call.ctx.store.changed();
  return { status: 200, body: { payload: view(destination) } };
}

function getDestinations(call: OperationCall): SpApiResult {
  return { status: 200, body: { payload: ownDestinations(call).map(view) } };
}

function getDestination(call: OperationCall): SpApiResult {
  const id = call.params.destinationId ?? "";
  const destination = ownDestinations(call).find((candidate) => candidate.destinationId === id);
  return destination ? { status: 200, body: { payload: view(destination) } } : destinationNotFound(id);
}

function deleteDestination(call: OperationCall): SpApiResult {
  const id = call.params.destinationId ?? "";
  const destination = ownDestinations(call).find((candidate) => candidate.destinationId === id);
  if (!destination) return destinationNotFound(id);
  const data = call.ctx.store.data;
  data.destinations = data.destinations.filter((candidate) => candidate !== destination);
  call.ctx.store.changed();
  return { status: 200, body: {} };
}

const grantless = { kind: "grantless", scope: "sellingpartnerapi::notifications" } as const;
const plan = { usagePlan: { rate: 1, burst: 5, header: "1" }, auth: grantless };

export const destinationsOperations: Operation[] = [
  { operationId: "getDestinations", method: "GET", path: "/notifications/v1/destinations", ...plan, handle: getDestinations },
  { operationId: "createDestination", method: "POST", path: "/notifications/v1/destinations", ...plan, handle: createDestination },
  { operationId: "getDestination", method: "GET", path: "/notifications/v1/destinations/{destinationId}", ...plan, handle: getDestination },
  { operationId: "deleteDestination", method: "DELETE", path: "/notifications/v1/destinations/{destinationId}", ...plan, handle: deleteDestination },
];
