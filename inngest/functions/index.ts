import "server-only";
// Every workflow Latchkey runs. Served by /api/inngest on Inngest; otherwise the process's entry point
// (instrumentation.ts) hands workflowDefinitions() to lib/workflows' in-process runner. To add one, write it
// in this folder with onEvent/onCron (../workflow) and append it here.
import type { WorkflowDefinition } from "@/lib/workflows/workflow-definition";
import { adminDigest } from "./admin-digest";
import { appClientBillingChanged, appClientExpiryReminders, clientSecretChecks } from "./app-client-checks";
import { checkAuthorizationLifecycleFn } from "./check-authorization-lifecycle";
import { deliverWebhookEventFn, retryWebhookDeliveries } from "./deliver-webhooks";
import { emailRetries } from "./email-retries";
import { lifecycleScan } from "./lifecycle-scan";
import { alertEvaluation, monitoringRetention } from "./monitoring-checks";
import { notifyConnected, notifyReauthorized } from "./notify-connected";
import { notifyQuarantined, notifyReauthorizationRequested } from "./notify-reauthorization-needed";
import { notifyRevoked } from "./notify-revoked";
import { livenessCheck, refreshAheadSweep } from "./refresh-tokens";

export const workflows = [
  lifecycleScan,
  checkAuthorizationLifecycleFn,
  notifyConnected,
  notifyReauthorized,
  notifyRevoked,
  notifyQuarantined,
  notifyReauthorizationRequested,
  clientSecretChecks,
  appClientExpiryReminders,
  appClientBillingChanged,
  adminDigest,
  alertEvaluation,
  monitoringRetention,
  refreshAheadSweep,
  livenessCheck,
  deliverWebhookEventFn,
  retryWebhookDeliveries,
  emailRetries,
];

/** The Inngest functions, for serve(). */
export const inngestFunctions = workflows.map((workflow) => workflow.fn);

/** The plain definitions, for the in-process runner. */
export function workflowDefinitions(): WorkflowDefinition[] {
  return workflows.map((workflow) => workflow.definition);
}
