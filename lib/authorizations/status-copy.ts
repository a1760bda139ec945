// How a connection's status reads to a partner: a label, a tone, and what to do about it.
export type ConnectionStatus = "PENDING" | "ACTIVE" | "REAUTH_REQUIRED" | "QUARANTINED" | "REVOKED";
export type Tone = "success" | "warning" | "destructive" | "secondary";

export const STATUS_COPY: Record<ConnectionStatus, { label: string; tone: Tone; explanation: string }> = {
  PENDING: { label: "Not connected yet", tone: "secondary", explanation: "Authorization was started but not completed at Amazon." },
  ACTIVE: { label: "Connected", tone: "success", explanation: "Latchkey can request access tokens for this account." },
  REAUTH_REQUIRED: { label: "Renewal needed", tone: "warning", explanation: "Amazon requires you to authorize again before access continues." },
  QUARANTINED: { label: "Paused", tone: "warning", explanation: "An administrator paused access for this account. Authorizing again lifts the pause, or contact your account manager." },
  REVOKED: { label: "Disconnected", tone: "destructive", explanation: "Latchkey no longer holds a token for this account." },
};

export const REGION_NAMES = { NA: "North America", EU: "Europe", FE: "Far East" } as const;

export const AUDIT_ACTION_LABELS: Record<string, string> = {
  "authorization.flow_started": "Authorization started",
  "authorization.flow_failed": "Authorization did not complete",
  "authorization.connected": "Connected",
  "authorization.reauthorized": "Authorized again",
  "authorization.self_authorized": "Connected by an administrator (self-authorization)",
  "authorization.connectivity_tested": "Connection tested",
  "authorization.revoked": "Disconnected",
  "authorization.renewal_overdue": "Renewal date passed: access paused until authorized again",
  "authorization.marked_inactive": "Marked unused",
  "authorization.active_again": "In use again",
  "authorization.revocation_proposed": "Unused for a long time: proposed for disconnection",
  "authorization.quarantined": "Paused by an administrator",
  "authorization.quarantine_lifted": "Pause lifted by an administrator",
  "authorization.reauthorization_requested": "An administrator asked you to authorize again",
};

/** Where a partner removes the app on Amazon's side too. */
export const REMOVE_APP_INSTRUCTIONS = {
  SELLER: "In Seller Central, open Apps and Services → Manage Your Apps, find this app and choose Remove.",
  VENDOR: "In Vendor Central, open Integration → API Integration, find this app and remove its authorization.",
} as const;
