import "server-only";
import { loadLifecycleSubject } from "@/lib/lifecycle/authorization-subject";
import { sendRevokedEmail } from "@/lib/lifecycle/partner-emails";
import { authorizationRevoked } from "@/lib/workflows/events";
import { PER_AUTHORIZATION } from "@/lib/workflows/workflow-definition";
import { onEvent } from "../workflow";

/** The security email when an authorization is revoked (invalid_grant, disconnect, kill switch). Once per revocation. */
export const notifyRevoked = onEvent(
  { id: "notify-authorization-revoked", name: "Email the partner: disconnected", event: authorizationRevoked, concurrencyKey: PER_AUTHORIZATION },
  async (event, step) =>
    step.run(`email-revoked-${event.data.authorizationId}`, async () => {
      const subject = await loadLifecycleSubject(event.data.authorizationId);
      if (!subject) return null;
      return (await sendRevokedEmail(subject, { reason: event.data.reason, revokedAt: new Date(event.data.revokedAt) })).id;
    }),
);
