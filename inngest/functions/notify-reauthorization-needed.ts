import "server-only";
import { loadLifecycleSubject } from "@/lib/lifecycle/authorization-subject";
import { sendReauthorizationNeeded } from "@/lib/lifecycle/partner-emails";
import { authorizationQuarantined, reauthorizationRequested } from "@/lib/workflows/events";
import { PER_AUTHORIZATION } from "@/lib/workflows/workflow-definition";
import { onEvent } from "../workflow";

/** An admin paused the authorization: the partner learns why access stopped, and that authorizing again lifts it. */
export const notifyQuarantined = onEvent(
  { id: "notify-authorization-quarantined", name: "Email the partner: paused", event: authorizationQuarantined, concurrencyKey: PER_AUTHORIZATION },
  async (event, step) =>
    step.run(`email-paused-${event.data.authorizationId}`, async () => {
      const subject = await loadLifecycleSubject(event.data.authorizationId);
      if (!subject || subject.status !== "QUARANTINED") return null;
      const at = new Date(event.data.quarantinedAt);
      return (await sendReauthorizationNeeded(subject, { reason: "paused", dedupeKey: `quarantined:${subject.id}:${at.toISOString()}`, now: at })).id;
    }),
);

/** An admin asked the partner to authorize again. */
export const notifyReauthorizationRequested = onEvent(
  { id: "notify-reauthorization-requested", name: "Email the partner: please authorize again", event: reauthorizationRequested, concurrencyKey: PER_AUTHORIZATION },
  async (event, step) =>
    step.run(`email-reauthorization-request-${event.data.authorizationId}`, async () => {
      const subject = await loadLifecycleSubject(event.data.authorizationId);
      if (!subject || subject.status === "REVOKED" || subject.status === "PENDING") return null;
      const at = new Date(event.data.requestedAt);
      return (await sendReauthorizationNeeded(subject, { reason: "requested", dedupeKey: `reauthorization-requested:${subject.id}:${at.toISOString()}`, now: at })).id;
    }),
);
