// Every event Latchkey's workflows react to, one zod schema each (validated by Inngest at runtime, and by
// the in-process runner before it dispatches). Names follow `latchkey/<entity>.<what happened>`.
import { eventType } from "inngest";
import { z } from "zod";

const authorizationRef = {
  authorizationId: z.string().min(1),
  tenantId: z.string().min(1),
};

/** A partner connected an account for the first time (website or Appstore flow). */
export const authorizationCreated = eventType("latchkey/authorization.created", {
  schema: z.object({ ...authorizationRef, flow: z.enum(["WEBSITE", "APPSTORE", "SELF"]) }),
});

/** A partner authorized again (renewal, role change, lifting a quarantine): a new refresh token. */
export const authorizationReauthorized = eventType("latchkey/authorization.reauthorized", {
  schema: z.object({ ...authorizationRef, renewalDueAt: z.iso.datetime() }),
});

/** Revoked by Amazon (invalid_grant), the partner (disconnect) or an admin (kill switch). */
export const authorizationRevoked = eventType("latchkey/authorization.revoked", {
  schema: z.object({
    ...authorizationRef,
    reason: z.enum(["invalid_grant", "partner_disconnected", "admin_revoked", "spapi_unauthorized"]),
    revokedAt: z.iso.datetime(),
  }),
});

/** Token issuance paused by an admin. */
export const authorizationQuarantined = eventType("latchkey/authorization.quarantined", {
  schema: z.object({ ...authorizationRef, quarantinedAt: z.iso.datetime() }),
});

/** An admin asked the partner to authorize again (the "reauthorization needed" email). */
export const reauthorizationRequested = eventType("latchkey/authorization.reauthorization-requested", {
  schema: z.object({ ...authorizationRef, requestedBy: z.string().min(1), requestedAt: z.iso.datetime() }),
});

/** Fan-out of the daily scan: check one authorization's renewal and inactivity as of `now`. */
export const authorizationLifecycleCheck = eventType("latchkey/authorization.lifecycle-check", {
  schema: z.object({ authorizationId: z.string().min(1), now: z.iso.datetime() }),
});

/** Admin changed the app client's billing data (charge method expiry): re-check its reminders now. */
export const appClientBillingUpdated = eventType("latchkey/app-client.billing-updated", {
  schema: z.object({ appClientId: z.string().min(1) }),
});

/** A lifecycle webhook event and its delivery rows were committed: deliver them now (lib/webhooks). */
export const webhookEventRecorded = eventType("latchkey/webhook.event-recorded", {
  schema: z.object({ eventId: z.string().min(1) }),
});

export const LATCHKEY_EVENTS = [
  authorizationCreated,
  authorizationReauthorized,
  authorizationRevoked,
  authorizationQuarantined,
  reauthorizationRequested,
  authorizationLifecycleCheck,
  appClientBillingUpdated,
  webhookEventRecorded,
] as const;

type EventDefinition = (typeof LATCHKEY_EVENTS)[number];

/** One Latchkey event as sent: its name and its (schema-typed) data. */
export type LatchkeyEvent = {
  [K in EventDefinition as K["name"]]: { name: K["name"]; data: z.input<NonNullable<K["schema"]>> };
}[EventDefinition["name"]];

export type LatchkeyEventName = LatchkeyEvent["name"];

/** The schema of an event by name (the in-process runner validates with it). */
export function eventSchema(name: string): z.ZodType | undefined {
  return LATCHKEY_EVENTS.find((definition) => definition.name === name)?.schema;
}
