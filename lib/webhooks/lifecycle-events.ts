import "server-only";
// The authorization lifecycle's webhook events. The state machine's transitions are mapped here (connect →
// authorization.connected, revoke → .revoked with its reason, …): the event and delivery rows are written
// inside the transition's transaction (onAuthorizationTransitionCommit), and announced to the workflows after
// commit (onAuthorizationTransition). Events the state machine does not see (renewal due, refreshes failing,
// the app client's secret) are emitted by the code that decides them, through the functions below.
import { onAuthorizationTransition, onAuthorizationTransitionCommit, type CommittedTransition } from "@/lib/authorizations/state-machine";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { WebhookEventType, WebhookRevocationReason } from "./event-types";
import { announceWebhookEvent, emitWebhookEvent, recordWebhookEvent, type RecordedWebhookEvent, type WebhookEventInput } from "./record-webhook-event";

type Tx = Prisma.TransactionClient;

const REVOCATION_REASONS: Record<string, WebhookRevocationReason> = {
  partner_disconnected: "partner",
  admin_revoked: "admin",
  invalid_grant: "invalid_grant",
  // Amazon refused the grant on an SP-API call: the same news for a receiver as invalid_grant.
  spapi_unauthorized: "invalid_grant",
};

/** The webhook event of a committed transition, or null for the ones no receiver needs (unused marks). */
export function webhookEventOfTransition(transition: Pick<CommittedTransition, "transition" | "from" | "details">): { type: WebhookEventType; reason: string | null } | null {
  switch (transition.transition) {
    case "connect":
      return { type: "authorization.connected", reason: null };
    case "selfAuthorize":
      return transition.from === "PENDING" || transition.from === "REVOKED" ? { type: "authorization.connected", reason: "self_authorized" } : { type: "authorization.reauthorized", reason: "self_authorized" };
    case "reauthorize":
      return { type: "authorization.reauthorized", reason: null };
    case "revoke": {
      const raw = typeof transition.details?.reason === "string" ? transition.details.reason : "";
      return { type: "authorization.revoked", reason: REVOCATION_REASONS[raw] ?? "admin" };
    }
    case "holdForReview":
      return { type: "authorization.identity_conflict", reason: null };
    case "confirmIdentity":
      return { type: "authorization.resumed", reason: "identity_confirmed" };
    case "quarantine":
      return { type: "authorization.quarantined", reason: null };
    case "liftQuarantine":
      return { type: "authorization.resumed", reason: "quarantine_lifted" };
    case "flagRenewalOverdue":
      return { type: "authorization.reauthorization_required", reason: "renewal_overdue" };
    case "requestReauthorization":
      return { type: "authorization.reauthorization_required", reason: "admin_requested" };
    case "markInactive":
    case "clearInactive":
      return null;
  }
}

/** The authorization's public facts, as every authorization event carries them: never a token. */
async function authorizationEventInput(client: Tx | typeof db, authorizationId: string, type: WebhookEventType, extra: Record<string, unknown>, at: Date): Promise<WebhookEventInput | null> {
  const authorization = await client.authorization.findUnique({
    where: { id: authorizationId },
    select: { id: true, tenantId: true, region: true, sellingPartnerId: true, status: true, tenant: { select: { externalId: true } } },
  });
  if (!authorization) return null;
  return {
    type,
    subject: `authorization:${authorization.id}`,
    tenantId: authorization.tenantId,
    authorizationId: authorization.id,
    at,
    data: {
      authorizationId: authorization.id,
      tenantId: authorization.tenantId,
      /** The integrator's own id for the tenant (management API), when it set one. */
      tenantExternalId: authorization.tenant.externalId,
      region: authorization.region,
      sellingPartnerId: authorization.sellingPartnerId,
      status: authorization.status,
      reason: null,
      ...extra,
    },
  };
}

// The rows a transition's writer recorded, for its after-commit listener (the same committed object reaches both).
const recordedByTransition = new WeakMap<CommittedTransition, RecordedWebhookEvent>();

async function writeTransitionEvent(tx: Tx, committed: CommittedTransition): Promise<void> {
  const event = webhookEventOfTransition(committed);
  if (!event) return;
  const input = await authorizationEventInput(tx, committed.authorizationId, event.type, { reason: event.reason }, committed.at);
  if (!input) return;
  const recorded = await recordWebhookEvent(tx, input);
  if (recorded) recordedByTransition.set(committed, recorded);
}

function announceTransitionEvent(committed: CommittedTransition): void {
  const recorded = recordedByTransition.get(committed);
  if (!recorded) return;
  recordedByTransition.delete(committed);
  // Not awaited: a slow endpoint must not hold up the request that changed the authorization. The rows are
  // committed; the retry cron sends them if this is lost.
  void announceWebhookEvent(recorded);
}

/** Subscribes the lifecycle webhooks to the state machine (idempotent: keyed by name). The entry points call it. */
export function subscribeLifecycleWebhooks(): void {
  onAuthorizationTransitionCommit("lifecycle-webhooks", writeTransitionEvent);
  onAuthorizationTransition("lifecycle-webhooks", announceTransitionEvent);
}

/** An authorization event decided outside the state machine (renewal due, refreshes failing). */
export async function emitAuthorizationWebhook(authorizationId: string, type: WebhookEventType, extra: Record<string, unknown> = {}, at = new Date()): Promise<void> {
  const input = await authorizationEventInput(db, authorizationId, type, extra, at);
  if (input) await emitWebhookEvent(input);
}

/** An app-client event inside the transaction that made the change; announce the result after commit. */
export function recordAppClientWebhook(tx: Tx, appClientId: string, type: "app_client.secret_rotated" | "app_client.secret_expiring", data: Record<string, unknown>, at = new Date()) {
  return recordWebhookEvent(tx, { type, subject: `app_client:${appClientId}`, tenantId: null, authorizationId: null, at, data: { appClientId, ...data } });
}

/** An app-client event with no transaction of its own (the expiry reminders). */
export async function emitAppClientWebhook(appClientId: string, type: "app_client.secret_rotated" | "app_client.secret_expiring", data: Record<string, unknown>, at = new Date()): Promise<void> {
  await emitWebhookEvent({ type, subject: `app_client:${appClientId}`, tenantId: null, authorizationId: null, at, data: { appClientId, ...data } });
}

export { announceWebhookEvent };
