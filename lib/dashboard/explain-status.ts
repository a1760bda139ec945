// An authorization's status as an admin reads it: what it means for the tenant's jobs and what fixes it.
import type { ConnectionStatus } from "@/lib/authorizations/status-copy";

export const ADMIN_STATUS_EXPLANATIONS: Record<ConnectionStatus, { meaning: string; fix: string }> = {
  PENDING: {
    meaning: "The partner started connecting but did not finish on Amazon's consent page. No token can be issued.",
    fix: "Send the partner a reminder to finish connecting.",
  },
  ACTIVE: {
    meaning: "Latchkey holds a refresh token and issues access tokens for this account.",
    fix: "Nothing to do while the test and refreshes pass.",
  },
  REAUTH_REQUIRED: {
    meaning: "The authorization must be renewed (its yearly renewal is overdue or new roles need consent). Token requests are refused with reauthorization_required.",
    fix: "The partner authorizes again from their connection page or the reminder email.",
  },
  QUARANTINED: {
    meaning: "Token issuance is paused: workers get tenant_quarantined until the pause is lifted.",
    fix: "Find out why it was paused (timeline below), fix the cause, then lift the pause.",
  },
  REVOKED: {
    meaning: "Latchkey no longer holds a token for this account: the partner disconnected, an admin revoked it, or Amazon refused the refresh token (invalid_grant).",
    fix: "The partner connects the account again from their connection page; the history is kept.",
  },
  IDENTITY_CONFLICT: {
    meaning: "Identity conflict: the partner's consent was stored but is held, because the selling partner id it claims is already held by another tenant, or this reauthorization's account fingerprint differs from the stored one. Amazon does not sign that id, so it may be another seller's. Token requests are refused with identity_conflict.",
    fix: "Compare both fingerprints below with what each business told you, then keep one connection and revoke the other.",
  },
};
