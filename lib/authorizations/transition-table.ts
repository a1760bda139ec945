// The authorization lifecycle as data: every status, every transition with the statuses it may start from,
// the status it leads to, its audit entry (whose registry audience says whether the partner sees it in their
// history), the workflow event announced after commit, and the caches it evicts. `state-machine.ts` applies
// it; nothing else changes an authorization's status.
import type { LatchkeyEventName } from "@/lib/workflows/events";
import { AUDIT_EVENTS, type AuditAction } from "@/lib/audit/event-registry";
import type { AuthorizationStatus } from "@/lib/generated/prisma/client";

/** Every status and what it means; a status missing here (a new enum value) is a type error. */
export const STATUS_MEANINGS = {
  PENDING: "A flow was started; no refresh token yet.",
  ACTIVE: "Tokens are served.",
  REAUTH_REQUIRED: "The yearly renewal date passed: the partner must authorize again.",
  QUARANTINED: "An admin paused token issuance.",
  REVOKED: "The refresh token is deleted; only a new consent brings it back.",
  IDENTITY_CONFLICT: "Stored but held for an admin: the account is claimed by another tenant, or a reauthorization read a different account. No tokens are served.",
} as const satisfies Record<AuthorizationStatus, string>;

export const AUTHORIZATION_STATUSES = Object.keys(STATUS_MEANINGS) as AuthorizationStatus[];

/**
 * Caches a transition clears: "status" is the token service's one-second status memo, "access_tokens" the
 * access tokens cached for the authorization (this process's memory and the shared encrypted rows).
 */
export type EvictedCache = "status" | "access_tokens";

export interface TransitionSpec {
  from: readonly AuthorizationStatus[];
  /** null: the status stays (a flag or a request changes, guarded on the status still being one of `from`). */
  to: AuthorizationStatus | null;
  audit: AuditAction;
  event: LatchkeyEventName | null;
  evicts: readonly EvictedCache[];
  /** Why the transition is refused from any other status, in words an admin or partner can act on. */
  refusal: string;
}

const EVERY_STATUS = AUTHORIZATION_STATUSES;
const CONNECTED = ["ACTIVE", "REAUTH_REQUIRED", "QUARANTINED"] as const;

export const TRANSITIONS = {
  /** The partner's consent on Amazon (website or Appstore flow). A second consent replaces the token. */
  connect: { from: EVERY_STATUS, to: "ACTIVE", audit: "authorization.connected", event: "latchkey/authorization.created", evicts: ["status", "access_tokens"], refusal: "This account cannot be connected now." },
  /** The partner authorized again (renewal, a pause lifted by consent, or after a revocation in the meantime). */
  reauthorize: { from: [...CONNECTED, "REVOKED"], to: "ACTIVE", audit: "authorization.reauthorized", event: "latchkey/authorization.reauthorized", evicts: ["status", "access_tokens"], refusal: "This account has not been connected yet; connect it first." },
  /** An admin pasted a verified refresh token for the company's own account. */
  selfAuthorize: { from: EVERY_STATUS, to: "ACTIVE", audit: "authorization.self_authorized", event: null, evicts: ["status", "access_tokens"], refusal: "This account cannot be self-authorized now." },
  /** Partner disconnect, admin kill switch, or invalid_grant during a refresh: the refresh token is deleted. */
  revoke: { from: ["PENDING", ...CONNECTED, "IDENTITY_CONFLICT"], to: "REVOKED", audit: "authorization.revoked", event: "latchkey/authorization.revoked", evicts: ["status", "access_tokens"], refusal: "This authorization is already revoked." },
  /**
   * A consent whose account is already held by another tenant, or whose fingerprint differs from the stored
   * one: the new token is stored, nothing is served until an admin resolves the conflict.
   */
  holdForReview: { from: EVERY_STATUS, to: "IDENTITY_CONFLICT", audit: "authorization.held_for_review", event: null, evicts: ["status", "access_tokens"], refusal: "This account cannot be held for review now." },
  /** An admin resolved an identity conflict by keeping this connection. */
  confirmIdentity: { from: ["IDENTITY_CONFLICT"], to: "ACTIVE", audit: "authorization.identity_confirmed", event: null, evicts: ["status"], refusal: "Only a connection under review can be confirmed." },
  /** An admin pauses token issuance (the token API answers tenant_quarantined). */
  quarantine: { from: ["ACTIVE", "REAUTH_REQUIRED"], to: "QUARANTINED", audit: "authorization.quarantined", event: "latchkey/authorization.quarantined", evicts: ["status"], refusal: "Only a connected authorization can be paused." },
  liftQuarantine: { from: ["QUARANTINED"], to: "ACTIVE", audit: "authorization.quarantine_lifted", event: null, evicts: ["status"], refusal: "Only a paused authorization can be resumed." },
  /** The yearly renewal date passed. */
  flagRenewalOverdue: { from: ["ACTIVE"], to: "REAUTH_REQUIRED", audit: "authorization.renewal_overdue", event: null, evicts: ["status"], refusal: "Only an active authorization can become overdue." },
  /** An admin asks the partner to authorize again: an email with a signed link, no status change. */
  requestReauthorization: { from: CONNECTED, to: null, audit: "authorization.reauthorization_requested", event: "latchkey/authorization.reauthorization-requested", evicts: [], refusal: "This account is not connected; the partner must connect it first." },
  /** Unused for INACTIVITY_THRESHOLD_DAYS: marked, and the reminders begin. */
  markInactive: { from: ["ACTIVE"], to: null, audit: "authorization.marked_inactive", event: null, evicts: [], refusal: "Only an active authorization can be marked unused." },
  /** Used again after being marked. */
  clearInactive: { from: ["ACTIVE"], to: null, audit: "authorization.active_again", event: null, evicts: [], refusal: "Only an active authorization is tracked for use." },
} as const satisfies Record<string, TransitionSpec>;

export type TransitionName = keyof typeof TRANSITIONS;

export const TRANSITION_NAMES = Object.keys(TRANSITIONS) as TransitionName[];

/** What applying a transition to an authorization in `current` status does. */
export type TransitionDecision = "apply" | "already_done" | "refused";

export function decideTransition(name: TransitionName, current: AuthorizationStatus): TransitionDecision {
  const spec: TransitionSpec = TRANSITIONS[name];
  if (spec.from.includes(current)) return "apply";
  return spec.to === current ? "already_done" : "refused";
}

/** Whether the partner sees a transition in their connection history (its audit entry's audience). */
export function partnerSeesTransition(name: TransitionName): boolean {
  return AUDIT_EVENTS[TRANSITIONS[name].audit].audience === "partner";
}
