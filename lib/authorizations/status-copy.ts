// How a connection's status reads to a partner: a label, a tone, and what to do about it.
import type { AuthorizationStatus } from "@/lib/generated/prisma/client";

export type ConnectionStatus = AuthorizationStatus;
export type Tone = "success" | "warning" | "destructive" | "secondary";

export const STATUS_COPY: Record<ConnectionStatus, { label: string; tone: Tone; explanation: string }> = {
  PENDING: { label: "Not connected yet", tone: "secondary", explanation: "Authorization was started but not completed at Amazon." },
  ACTIVE: { label: "Connected", tone: "success", explanation: "Latchkey can request access tokens for this account." },
  REAUTH_REQUIRED: { label: "Renewal needed", tone: "warning", explanation: "Amazon requires you to authorize again before access continues." },
  QUARANTINED: { label: "Paused", tone: "warning", explanation: "An administrator paused access for this account. Authorizing again lifts the pause, or contact your account manager." },
  REVOKED: { label: "Disconnected", tone: "destructive", explanation: "Latchkey no longer holds a token for this account." },
  IDENTITY_CONFLICT: {
    label: "Under review",
    tone: "warning",
    explanation: "We received your authorization and are checking which business this Amazon account belongs to, because it is already connected elsewhere or differs from the account connected before. Nothing is needed from you; we will be in touch if we need anything.",
  },
};

/** Where a partner removes the app on Amazon's side too. */
export const REMOVE_APP_INSTRUCTIONS = {
  SELLER: "In Seller Central, open Apps and Services → Manage Your Apps, find this app and choose Remove.",
  VENDOR: "In Vendor Central, open Integration → API Integration, find this app and remove its authorization.",
} as const;
