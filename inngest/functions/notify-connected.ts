import "server-only";
import { loadLifecycleSubject } from "@/lib/lifecycle/authorization-subject";
import { sendConnectedEmail } from "@/lib/lifecycle/partner-emails";
import { authorizationCreated, authorizationReauthorized } from "@/lib/workflows/events";
import { PER_AUTHORIZATION } from "@/lib/workflows/workflow-definition";
import { onEvent } from "../workflow";

async function emailConnected(authorizationId: string, reauthorized: boolean): Promise<string | null> {
  const subject = await loadLifecycleSubject(authorizationId);
  if (!subject || subject.status !== "ACTIVE") return null;
  return (await sendConnectedEmail(subject, reauthorized)).id;
}

/** The welcome email when a partner connects an account. */
export const notifyConnected = onEvent(
  { id: "notify-authorization-connected", name: "Email the partner: connected", event: authorizationCreated, concurrencyKey: PER_AUTHORIZATION },
  async (event, step) => step.run(`email-connected-${event.data.authorizationId}`, () => emailConnected(event.data.authorizationId, false)),
);

/** The confirmation when a partner authorizes again (renewal done). */
export const notifyReauthorized = onEvent(
  { id: "notify-authorization-reauthorized", name: "Email the partner: renewed", event: authorizationReauthorized, concurrencyKey: PER_AUTHORIZATION },
  async (event, step) => step.run(`email-reauthorized-${event.data.authorizationId}`, () => emailConnected(event.data.authorizationId, true)),
);
