import { rotateAndNotify } from "../apps/rotate-and-notify";
import { MINUTE_MS } from "../clock";
import { invalidInput, type SpApiResult } from "./errors";
import type { Operation, OperationCall } from "./operation";

/** The model's own 400 example for an app without a rotation queue. */
export const NOT_ENROLLED_MESSAGE = "Application is not enrolled for rotation notification. Please update application notification preference in Developer console.";

function rotateApplicationClientSecret(call: OperationCall): SpApiResult {
  const { app } = call.caller;
  if (!app.notificationQueueEnrolled) return invalidInput(NOT_ENROLLED_MESSAGE);
  void rotateAndNotify(call.ctx, app);
  return { status: 204 };
}

export const applicationOperations: Operation[] = [
  {
    operationId: "rotateApplicationClientSecret",
    method: "POST",
    path: "/applications/2023-11-30/clientSecret",
    /** One per minute (the model says 0.0167 rps, burst 1). */
    usagePlan: { rate: 1000 / MINUTE_MS, burst: 1, header: "0.0167" },
    auth: { kind: "grantless", scope: "sellingpartnerapi::client_credential:rotation" },
    handle: rotateApplicationClientSecret,
  },
];
